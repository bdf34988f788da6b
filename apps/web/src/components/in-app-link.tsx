import Link from '@cloudscape-design/components/link';
import type { ReactNode } from 'react';

/** A link the SPA follows itself (no page load); its href still opens in a new tab. */
export function InAppLink({
  href,
  onFollow,
  children,
}: {
  href: string;
  onFollow: (href: string) => void;
  children: ReactNode;
}) {
  return (
    <Link
      href={href}
      onFollow={(e) => {
        e.preventDefault();
        onFollow(href);
      }}
    >
      {children}
    </Link>
  );
}
