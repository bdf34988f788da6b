import type { TopNavigationProps } from '@cloudscape-design/components/top-navigation';
import type { DisplayPreferences } from '../lib/display-preferences';

/** The top bar's Preferences menu: dark mode and compact density, as checkbox items. */
export function displayPreferencesMenu(
  prefs: DisplayPreferences,
  onChange: (prefs: DisplayPreferences) => void,
): TopNavigationProps.MenuDropdownUtility {
  return {
    type: 'menu-dropdown',
    iconName: 'settings',
    text: 'Preferences',
    ariaLabel: 'Preferences',
    items: [
      { id: 'dark', text: 'Dark mode', itemType: 'checkbox', checked: prefs.dark },
      { id: 'compact', text: 'Compact density', itemType: 'checkbox', checked: prefs.compact },
    ],
    onItemClick: ({ detail }) => {
      if (detail.id === 'dark') onChange({ ...prefs, dark: !prefs.dark });
      if (detail.id === 'compact') onChange({ ...prefs, compact: !prefs.compact });
    },
  };
}
