import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { counsellingKeys, getTodaySlots, recordAnonymousVisit, type Slot } from '../../api/counselling';
import { ErrorState } from '../../components/ErrorState';
import { danishTimeOf, formatTime } from '../../format';
import { slotPath } from './shared';

/**
 * Min dag: the user's own drop-in slots today, each with a link to the slot and a one-click
 * "Registrér besøg" for an anonymous visit. Renders nothing for people without a slot today.
 */
export function MyDayCounselling() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: counsellingKeys.today, queryFn: getTodaySlots });
  if (q.isError) return <ErrorState error={q.error} headingLevel={2} heading={t('counselling.myDay.heading')} />;
  if (!q.data || q.data.items.length === 0) return null;
  return (
    <section className="mt-7" aria-labelledby="myday-counselling">
      <h2 id="myday-counselling" className="mt-0">
        {t('counselling.myDay.heading')}
      </h2>
      <ul className="nobullet-list">
        {q.data.items.map((slot) => (
          <TodaySlot key={slot.id} slot={slot} />
        ))}
      </ul>
    </section>
  );
}

function TodaySlot({ slot }: { slot: Slot }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [count, setCount] = useState<number | null>(null);
  const time = `${formatTime(danishTimeOf(slot.startsAt))}–${danishTimeOf(slot.endsAt).replace(':', '.')}`;
  const mutation = useMutation({
    mutationFn: () => recordAnonymousVisit(slot.id, {}),
    onSuccess: () => {
      setCount((slot.counts.visits ?? 0) + 1);
      void queryClient.invalidateQueries({ queryKey: counsellingKeys.all });
    },
  });
  return (
    <li className="mb-4">
      <Link to={slotPath(slot.id)} className="weight-semibold">
        {t('counselling.myDay.open', { time })}
      </Link>
      <span className="spire-muted">
        {' '}
        · {slot.place} · {t('counselling.myDay.visits', { count: slot.counts.visits })}
      </span>
      <div className="mt-2">
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => mutation.mutate()}
          disabled={mutation.isPending}
          aria-label={t('counselling.myDay.quickAria', { time })}
        >
          {t('counselling.myDay.quick')}
        </button>
        <span role="status" className="ml-3">
          {count !== null ? t('counselling.myDay.counted', { count }) : ''}
        </span>
      </div>
    </li>
  );
}
