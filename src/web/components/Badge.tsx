/** DKFDS status badge (not clickable). */
export function Badge({
  variant,
  children,
}: {
  variant?: 'info' | 'success' | 'warning' | 'error';
  children: string;
}) {
  return <span className={`badge${variant ? ` badge-${variant}` : ''}`}>{children}</span>;
}
