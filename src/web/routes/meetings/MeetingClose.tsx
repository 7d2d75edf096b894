import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { closeMeeting, type Meeting, meetingKeys } from '../../api/meetings';
import { Alert } from '../../components/Alert';
import { Modal } from '../../components/Modal';
import { danishDateOf, formatDate } from '../../format';

/**
 * "Afslut møde" for the facilitator: enabled once the minutes are approved, confirmed in a DKFDS
 * modal. Closing makes the meeting read-only and ends the participants' involvement in the case.
 */
export function MeetingClose({ meeting, onReload }: { meeting: Meeting; onReload: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation({
    mutationFn: () => closeMeeting(meeting.id, meeting.version),
    onSuccess: (closed) => {
      setConfirming(false);
      queryClient.setQueryData(meetingKeys.detail(meeting.id), closed);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.mine });
    },
    onError: () => setConfirming(false),
  });
  if (!meeting.mayClose) return null;
  const approved = meeting.minutes?.status === 'approved';
  const err = mutation.error instanceof ApiError ? mutation.error : null;
  return (
    <section aria-labelledby="close-heading" className="mb-8">
      <h2 id="close-heading">{t('meetings.close.heading')}</h2>
      <p>{t('meetings.close.hint')}</p>
      {err ? (
        <Alert variant="error" heading={err.title} headingLevel={3} focusKey={mutation.submittedAt}>
          {err.status === 409 && err.code === 'conflict.stale_version' ? (
            <button type="button" className="button button-secondary mt-3" onClick={onReload}>
              {t('meetings.page.reload')}
            </button>
          ) : null}
        </Alert>
      ) : null}
      {!approved ? (
        <p className="form-hint" id="close-needs-minutes">
          {t('meetings.close.needsMinutes')}
        </p>
      ) : null}
      <button
        type="button"
        className="button button-primary"
        onClick={() => setConfirming(true)}
        disabled={!approved || mutation.isPending}
        aria-describedby={approved ? undefined : 'close-needs-minutes'}
      >
        {t('meetings.close.button')}
      </button>
      <Modal
        open={confirming}
        title={t('meetings.close.confirmTitle')}
        onClose={() => setConfirming(false)}
        footer={
          <>
            <button type="button" className="button button-primary" onClick={() => mutation.mutate()} disabled={mutation.isPending}>
              {mutation.isPending ? t('common.saving') : t('meetings.close.confirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </>
        }
      >
        <p>{t('meetings.close.confirmText')}</p>
      </Modal>
    </section>
  );
}

/** The notice on a closed meeting: when and by whom, and what can still be done. */
export function ClosedNotice({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  if (!meeting.closedAt) return null;
  return (
    <Alert variant="info" announce={false}>
      {t('meetings.page.closedInfo', { date: formatDate(danishDateOf(meeting.closedAt)), name: meeting.closedBy?.name ?? '' })}
    </Alert>
  );
}
