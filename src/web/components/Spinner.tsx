import { useTranslation } from 'react-i18next';

/**
 * DKFDS loading spinner with a status text that screen readers announce.
 *
 * @example {isPending && <Spinner />}
 */
export function Spinner({ text, small }: { text?: string; small?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="spinner-box spire-spinner">
      <div className={`spinner${small ? ' spinner-small' : ''}`} aria-hidden="true" />
      <div className="spinner-status" role="status">
        {text ?? t('common.loading')}
      </div>
    </div>
  );
}
