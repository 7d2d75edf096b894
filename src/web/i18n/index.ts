import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { da } from './da';
import { en } from './en';
import { wellbeingDa } from './wellbeing.da';
import { wellbeingEn } from './wellbeing.en';
import { concernsDa } from './concerns.da';
import { concernsEn } from './concerns.en';
import { notificationsDa } from './notifications.da';
import { notificationsEn } from './notifications.en';
import { meetingsDa } from './meetings.da';
import { meetingsEn } from './meetings.en';
import { offersDa } from './offers.da';
import { offersEn } from './offers.en';
import { counsellingDa } from './counselling.da';
import { counsellingEn } from './counselling.en';
import { consentDa, handoverDa } from './consent.da';
import { consentEn, handoverEn } from './consent.en';
import { adminSettingsDa } from './adminSettings.da';
import { adminSettingsEn } from './adminSettings.en';

/** Languages the UI is complete in. Danish is the default. */
export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'spire.language';

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'da';
  } catch {
    return 'da';
  }
}

void i18n.use(initReactI18next).init({
  resources: {
    da: { translation: { ...da, notifications: notificationsDa, wellbeing: wellbeingDa, concerns: concernsDa, meetings: meetingsDa, offers: offersDa, counselling: counsellingDa, consent: consentDa, handover: handoverDa, adminSettings: adminSettingsDa } },
    en: { translation: { ...en, notifications: notificationsEn, wellbeing: wellbeingEn, concerns: concernsEn, meetings: meetingsEn, offers: offersEn, counselling: counsellingEn, consent: consentEn, handover: handoverEn, adminSettings: adminSettingsEn } },
  },
  lng: storedLanguage(),
  fallbackLng: 'da',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  react: { useSuspense: false },
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

/** Switch language, remember it in localStorage; API calls then send the new Accept-Language. */
export function setLanguage(lng: Language): Promise<unknown> {
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
  return i18n.changeLanguage(lng);
}

/** The BCP 47 locale used for dates and numbers. */
export function locale(): string {
  return i18n.language === 'en' ? 'en-GB' : 'da-DK';
}

export default i18n;
