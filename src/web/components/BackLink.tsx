import { Link } from 'react-router';
import { Icon } from './Icon';

/** DKFDS "Tilbage-link". */
export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <div className="mb-5">
      <Link to={to} className="back-link">
        <Icon name="chevron-left" />
        {children}
      </Link>
    </div>
  );
}
