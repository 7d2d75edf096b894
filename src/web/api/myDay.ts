import { api, queryString } from './client';
import type { IsoDate, MyDay, MyWeek } from './types';

export const myDayKeys = {
  myDay: ['my-day'] as const,
  week: (start: IsoDate | undefined) => ['my-week', start ?? 'this'] as const,
};

export const getMyDay = () => api<MyDay>('/api/my-day');

/** The user's visits for the 7 days from `start` (default: this week's Monday). */
export const getMyWeek = (start?: IsoDate) => api<MyWeek>(`/api/my-week${queryString({ start })}`);
