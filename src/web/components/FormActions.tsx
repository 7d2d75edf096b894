/** The submit and cancel buttons under a form, DKFDS style; the submit button shows "Gemmer …" while saving. */
import { useTranslation } from 'react-i18next';

/**
 * Submit + cancel row.
 * @example <FormActions pending={mutation.isPending} submitLabel={t('journal.sign')} onCancel={() => setOpen(false)} />
 */
export function FormActions({
  pending,
  submitLabel,
  onCancel,
  cancelStyle = 'tertiary',
  className = 'spire-actions mt-6',
}: {
  pending: boolean;
  submitLabel: string;
  onCancel: () => void;
  cancelStyle?: 'secondary' | 'tertiary';
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className={className}>
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? t('common.saving') : submitLabel}
      </button>
      <button type="button" className={`button button-${cancelStyle}`} onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
