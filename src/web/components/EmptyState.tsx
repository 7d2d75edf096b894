import type { ReactNode } from 'react';

/**
 * An honest "nothing here" message for an empty list, with an optional next step.
 *
 * @example <EmptyState title="Ingen besøg i dag" />
 */
export function EmptyState({
  title,
  children,
  action,
  headingLevel = 3,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  headingLevel?: 2 | 3 | 4;
}) {
  const Heading = `h${headingLevel}` as 'h3';
  return (
    <div className="spire-empty-state">
      <Heading className="h5 mt-0 mb-2">{title}</Heading>
      {children ? <div className="spire-empty-text">{children}</div> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
