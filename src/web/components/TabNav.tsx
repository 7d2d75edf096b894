import { Link } from 'react-router';

export interface TabItem {
  key: string;
  label: string;
  to: string;
}

/**
 * DKFDS "Faneblade" as navigation (links with `aria-current`): each tab is an address, so a
 * tab can be bookmarked, opened in a new window and reached with the browser's back button.
 *
 * @example <TabNav label="Barnets oplysninger" current="stamdata" items={[{ key: 'stamdata', label: 'Stamdata', to: '?fane=stamdata' }]} />
 */
export function TabNav({ label, items, current }: { label: string; items: TabItem[]; current: string }) {
  return (
    <nav className="tab-container spire-tabs" aria-label={label}>
      <ul className="tab-list">
        {items.map((item) => (
          <li key={item.key}>
            <Link
              to={item.to}
              replace
              preventScrollReset
              className="tab-button"
              aria-current={item.key === current ? 'true' : undefined}
            >
              <span>{item.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
