import type { BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import { type CSSProperties, useEffect, useRef, useState } from 'react';

/** The id of the content area: the skip link's target, where the page heading is looked for. */
export const MAIN_CONTENT_ID = 'main-content';

/** Moves focus to the page's h1; false while the page has not rendered one yet. */
function focusPageHeading(): boolean {
  const heading = document.querySelector<HTMLElement>(`#${MAIN_CONTENT_ID} h1`);
  if (!heading) return false;
  heading.tabIndex = -1;
  heading.focus();
  return true;
}

/** Focus the heading once it renders (pages load lazily and read their data first), for up to 5 s. */
function focusHeadingSoon(): () => void {
  const until = Date.now() + 5_000;
  let frame = 0;
  const attempt = () => {
    if (!focusPageHeading() && Date.now() < until) frame = requestAnimationFrame(attempt);
  };
  frame = requestAnimationFrame(attempt);
  return () => cancelAnimationFrame(frame);
}

/** Each page's document title from its breadcrumbs, most specific first: "Create job · Batch Operations | batchops". */
export function usePageTitle(crumbs: readonly BreadcrumbGroupProps.Item[]): void {
  const title = [...crumbs.slice(1).map((c) => c.text)].reverse().join(' · ');
  useEffect(() => {
    document.title = title ? `${title} | batchops` : 'batchops';
  }, [title]);
}

/** After an in-app navigation (not the first load), focus moves to the new page's heading, as a screen reader user expects. */
export function useFocusOnNavigation(pathname: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    return focusHeadingSoon();
  }, [pathname]);
}

const hidden: CSSProperties = {
  position: 'absolute',
  left: -10_000,
  width: 1,
  height: 1,
  overflow: 'hidden',
};
const shown: CSSProperties = {
  position: 'fixed',
  top: 8,
  left: 8,
  zIndex: 2000,
  padding: '8px 16px',
  background: '#fff',
  color: '#0972d3',
  border: '2px solid #0972d3',
  borderRadius: 8,
};

/** The first stop of the keyboard: past the navigation, to the page's heading. */
export function SkipLink() {
  const [focused, setFocused] = useState(false);
  return (
    <a
      href={`#${MAIN_CONTENT_ID}`}
      style={focused ? shown : hidden}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onClick={(e) => {
        e.preventDefault();
        focusPageHeading();
      }}
    >
      Skip to main content
    </a>
  );
}
