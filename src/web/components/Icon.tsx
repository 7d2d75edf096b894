/**
 * A DKFDS icon from the sprite (`dkfds/dist/img/all-svg-icons.svg`, inlined at start-up).
 * Decorative by default; give `label` when the icon alone carries meaning.
 *
 * @example <Icon name="lock" />
 */
export function Icon({ name, className, label }: { name: string; className?: string; label?: string }) {
  return (
    <svg
      className={`icon-svg${className ? ` ${className}` : ''}`}
      focusable="false"
      aria-hidden={label ? undefined : true}
      aria-label={label}
      role={label ? 'img' : undefined}
    >
      <use href={`#${name}`} />
    </svg>
  );
}
