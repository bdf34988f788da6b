import { applyDensity, applyMode, Density, Mode } from '@cloudscape-design/global-styles';

export interface DisplayPreferences {
  readonly dark: boolean;
  readonly compact: boolean;
}

const storageKey = 'batchops.display';

/** Read the saved preferences; anything unreadable falls back to light and comfortable. */
export function loadDisplayPreferences(): DisplayPreferences {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '{}');
    const saved = (raw ?? {}) as Partial<Record<keyof DisplayPreferences, unknown>>;
    return { dark: saved.dark === true, compact: saved.compact === true };
  } catch {
    return { dark: false, compact: false };
  }
}

export function applyDisplayPreferences(prefs: DisplayPreferences): void {
  applyMode(prefs.dark ? Mode.Dark : Mode.Light);
  applyDensity(prefs.compact ? Density.Compact : Density.Comfortable);
}

export function saveDisplayPreferences(prefs: DisplayPreferences): void {
  localStorage.setItem(storageKey, JSON.stringify(prefs));
  applyDisplayPreferences(prefs);
}
