import { useState } from 'react';
import { useLocation } from 'react-router';
import { Alert } from './Alert';

/** A success message carried to the next page in the router's location state. */
export interface FlashState {
  flash?: string;
}

/**
 * Shows `location.state.flash` (set with `navigate(to, { state: { flash } })`) as a success alert
 * until the user closes it or leaves the page.
 */
export function Flash() {
  const location = useLocation();
  const message = (location.state as FlashState | null)?.flash;
  const [closedFor, setClosedFor] = useState<string | null>(null);
  if (!message || closedFor === location.key) return null;
  return (
    <Alert variant="success" announce onClose={() => setClosedFor(location.key)} className="mb-6">
      <p className="alert-text">{message}</p>
    </Alert>
  );
}
