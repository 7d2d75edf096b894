import { api } from './client';
import type { MyDay } from './types';

export const myDayKeys = { myDay: ['my-day'] as const };

export const getMyDay = () => api<MyDay>('/api/my-day');
