import AppLayout from '@cloudscape-design/components/app-layout';
import BreadcrumbGroup, { type BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import { Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import { Notifications } from '../components/notifications';
import { navigationItems } from '../config/navigation';

/** What a route may declare in its `handle` for the shell. */
export interface RouteHandle {
  crumb?: BreadcrumbGroupProps.Item;
}

function useBreadcrumbs(): BreadcrumbGroupProps.Item[] {
  const crumbs: BreadcrumbGroupProps.Item[] = [{ text: 'Amazon S3', href: '/' }];
  for (const m of useMatches()) {
    const crumb = (m.handle as RouteHandle | undefined)?.crumb;
    if (crumb) crumbs.push(crumb);
  }
  return crumbs;
}

export function AppShell() {
  const navigate = useNavigate();
  const location = useLocation();
  const breadcrumbs = useBreadcrumbs();
  const follow = (e: CustomEvent<{ href: string; external?: boolean }>) => {
    if (e.detail.external) return;
    e.preventDefault();
    navigate(e.detail.href);
  };
  const activeHref =
    navigationItems
      .filter((i): i is SideNavigationProps.Link => i.type === 'link')
      .map((i) => i.href)
      .find((href) => location.pathname.startsWith(href)) ?? location.pathname;
  return (
    <AppLayout
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
      content={<Outlet />}
    />
  );
}
