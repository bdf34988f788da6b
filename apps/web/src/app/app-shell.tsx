import AppLayout from '@cloudscape-design/components/app-layout';
import BreadcrumbGroup, { type BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import TopNavigation from '@cloudscape-design/components/top-navigation';
import { useState } from 'react';
import { Outlet, type Params, useLocation, useMatches, useNavigate } from 'react-router';
import { displayPreferencesMenu } from '../components/display-preferences-menu';
import { ErrorBoundary } from '../components/error-boundary';
import { Notifications } from '../components/notifications';
import { navigationItems, paths } from '../config/navigation';
import { connectionLabel } from '../lib/connection/connection-label';
import { useConnection } from '../lib/connection/get-connection';
import { loadDisplayPreferences, saveDisplayPreferences } from '../lib/display-preferences';
import { MAIN_CONTENT_ID, SkipLink, useFocusOnNavigation, usePageTitle } from './page-focus';

/** What a route may declare in its `handle` for the shell. */
export interface RouteHandle {
  crumb?: BreadcrumbGroupProps.Item | ((params: Params) => BreadcrumbGroupProps.Item);
}

function useBreadcrumbs(): BreadcrumbGroupProps.Item[] {
  const crumbs: BreadcrumbGroupProps.Item[] = [{ text: 'Amazon S3', href: '/' }];
  for (const m of useMatches()) {
    const crumb = (m.handle as RouteHandle | undefined)?.crumb;
    if (crumb) crumbs.push(typeof crumb === 'function' ? crumb(m.params) : crumb);
  }
  return crumbs;
}

export function AppShell() {
  const navigate = useNavigate();
  const location = useLocation();
  const breadcrumbs = useBreadcrumbs();
  usePageTitle(breadcrumbs);
  useFocusOnNavigation(location.pathname);
  const connection = useConnection().data;
  const [prefs, setPrefs] = useState(loadDisplayPreferences);
  const follow = (e: CustomEvent<{ href: string; external?: boolean }>) => {
    if (e.detail.external) return;
    e.preventDefault();
    void navigate(e.detail.href);
  };
  const activeHref =
    navigationItems
      .filter((i): i is SideNavigationProps.Link => i.type === 'link')
      .map((i) => i.href)
      // The longest match: the dashboard sits under the job list's path.
      .sort((a, b) => b.length - a.length)
      .find((href) => location.pathname.startsWith(href)) ?? location.pathname;
  return (
    <>
      <SkipLink />
      <div id="top-nav" style={{ position: 'sticky', top: 0, zIndex: 1002 }}>
        <TopNavigation
          identity={{
            href: paths.jobs,
            title: 'batchops',
            onFollow: (e) => {
              e.preventDefault();
              void navigate(paths.jobs);
            },
          }}
          utilities={[
            ...(connection
              ? [
                  {
                    type: 'button' as const,
                    text: connectionLabel(connection),
                    title: 'Where the console sends its requests',
                    disableUtilityCollapse: true,
                  },
                ]
              : []),
            displayPreferencesMenu(prefs, (next) => {
              saveDisplayPreferences(next);
              setPrefs(next);
            }),
          ]}
        />
      </div>
      <AppLayout
        headerSelector="#top-nav"
        toolsHide
        navigation={
          <SideNavigation
            header={{ text: 'Amazon S3', href: '/' }}
            activeHref={activeHref}
            items={navigationItems}
            onFollow={follow}
          />
        }
        breadcrumbs={<BreadcrumbGroup items={breadcrumbs} onFollow={follow} ariaLabel="Breadcrumbs" />}
        notifications={<Notifications />}
        // Outside the route's own boundary: whatever the page throws, the navigation stays usable.
        content={
          <div id={MAIN_CONTENT_ID}>
            <ErrorBoundary header="Something went wrong" resetKeys={[location.key]}>
              <Outlet />
            </ErrorBoundary>
          </div>
        }
      />
    </>
  );
}
