import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { createBrowserRouter, Outlet, RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { AuthProvider } from './auth';
import { Layout } from './components/Layout';
import { RequireAdmin, RequireAuth } from './components/RouteGuards';
import { AuditLog } from './routes/AuditLog';
import { BirthRegister } from './routes/BirthRegister';
import { ChildPage } from './routes/ChildPage';
import { ChildRegister } from './routes/ChildRegister';
import { ChildrenList } from './routes/ChildrenList';
import { ClusterCreate } from './routes/ClusterCreate';
import { DistrictCreate } from './routes/DistrictCreate';
import { MyDay } from './routes/MyDay';
import { NotFound } from './routes/NotFound';
import { Organisation } from './routes/Organisation';
import { RootError, RouteError } from './routes/RouteError';
import { ScreeningInstruments } from './routes/ScreeningInstruments';
import { SignIn } from './routes/SignIn';
import { StaffCreate } from './routes/StaffCreate';
import { StaffDetail } from './routes/StaffDetail';
import { StaffList } from './routes/StaffList';
import { UnitCreate } from './routes/UnitCreate';
import { UnitEdit } from './routes/UnitEdit';
import { VisitForm } from './routes/VisitForm';
import { Week } from './routes/Week';
import { UnitOverview, UnitOverviewIndex } from './routes/UnitOverview';
import { WellbeingChildRating } from './routes/wellbeing/ChildRating';
import { HandoverPage } from './routes/handover/HandoverPage';
import { HandoverPrint } from './routes/handover/HandoverPrint';
import { WellbeingRoundOverview } from './routes/wellbeing/RoundOverview';
import { WellbeingRounds } from './routes/wellbeing/Rounds';
import { WellbeingScaleAdmin } from './routes/wellbeing/ScaleAdmin';
import { NotificationDetail } from './routes/notifications/NotificationDetail';
import { NotificationInbox } from './routes/notifications/Inbox';
import { MyNotifications } from './routes/notifications/MyNotifications';
import { NotificationNew } from './routes/notifications/NotificationNew';
import { MeetingCreate } from './routes/meetings/MeetingCreate';
import { MeetingPage } from './routes/meetings/MeetingPage';
import { MeetingsList } from './routes/meetings/MeetingsList';
import { ParentSummaryPage } from './routes/meetings/ParentSummaryPage';
import { AttendancePage } from './routes/offers/AttendancePage';
import { OfferCatalogue } from './routes/offers/Catalogue';
import { CoursePage } from './routes/offers/CoursePage';
import { OfferPage } from './routes/offers/OfferPage';
import { CounsellingSlotPage } from './routes/counselling/SlotPage';
import { CounsellingSlots } from './routes/counselling/Slots';
import { WorkshopEdit } from './routes/workshops/WorkshopEdit';
import { Workshops } from './routes/workshops/Workshops';
import { Sparring } from './routes/concerns/Sparring';
import { SparringRequestPage } from './routes/concerns/SparringRequestPage';
import { ClosingDays } from './routes/admin-settings/ClosingDays';
import { OfferAdminForm } from './routes/admin-settings/OfferAdminForm';
import { OfferAdminList } from './routes/admin-settings/OfferAdminList';
import { SettingsIndex } from './routes/admin-settings/SettingsIndex';
import { SocialWorkerDistricts } from './routes/admin-settings/SocialWorkerDistricts';
import i18n from './i18n';

/** Routes. Danish paths, since the addresses are part of what users see. */
export const router = createBrowserRouter([
  {
    element: (
      <AuthProvider>
        <Outlet />
      </AuthProvider>
    ),
    errorElement: <RootError />,
    children: [
      {
        element: <Layout />,
        children: [
          {
            errorElement: <RouteError />,
            children: [
              { path: '/log-ind', element: <SignIn /> },
              {
                element: <RequireAuth />,
                children: [
                  { index: true, element: <MyDay /> },
                  { path: '/uge', element: <Week /> },
                  { path: '/boern', element: <ChildrenList /> },
                  { path: '/boern/ny', element: <ChildRegister key="born" status="born" /> },
                  { path: '/boern/ny-graviditet', element: <ChildRegister key="expected" status="expected" /> },
                  { path: '/boern/:id', element: <ChildPage /> },
                  { path: '/boern/:id/foedsel', element: <BirthRegister /> },
                  { path: '/boern/:id/besoeg/nyt', element: <VisitForm key="record" mode="record" /> },
                  { path: '/boern/:id/besoeg/planlaeg', element: <VisitForm key="plan" mode="plan" /> },
                  { path: '/boern/:id/overlevering/:handoverId', element: <HandoverPage /> },
                  { path: '/boern/:id/overlevering/:handoverId/print', element: <HandoverPrint /> },
                  { path: '/underretninger', element: <MyNotifications /> },
                  { path: '/underretninger/ny', element: <NotificationNew /> },
                  { path: '/underretninger/indbakke', element: <NotificationInbox /> },
                  { path: '/underretninger/:id', element: <NotificationDetail /> },
                  { path: '/trivsel', element: <WellbeingRounds /> },
                  { path: '/sparring', element: <Sparring /> },
                  { path: '/sparring/:id', element: <SparringRequestPage /> },
                  { path: '/moeder', element: <MeetingsList /> },
                  { path: '/moeder/ny', element: <MeetingCreate /> },
                  { path: '/moeder/:id', element: <MeetingPage /> },
                  { path: '/moeder/:id/sammendrag', element: <ParentSummaryPage /> },
                  { path: '/trivsel/runder/:roundId', element: <WellbeingRoundOverview /> },
                  { path: '/trivsel/runder/:roundId/boern/:childId', element: <WellbeingChildRating /> },
                  { path: '/enhed', element: <UnitOverviewIndex /> },
                  { path: '/enhed/:id', element: <UnitOverview /> },
                  { path: '/tilbud', element: <OfferCatalogue /> },
                  { path: '/tilbud/:id', element: <OfferPage /> },
                  { path: '/forloeb/:id', element: <CoursePage /> },
                  { path: '/forloeb/:id/moeder/:sessionId', element: <AttendancePage /> },
                  { path: '/aaben-raadgivning', element: <CounsellingSlots /> },
                  { path: '/aaben-raadgivning/:id', element: <CounsellingSlotPage /> },
                  { path: '/workshops', element: <Workshops /> },
                  { path: '/workshops/:id', element: <WorkshopEdit /> },
                  {
                    path: '/admin',
                    element: <RequireAdmin />,
                    children: [
                      { path: 'organisation', element: <Organisation /> },
                      { path: 'organisation/nyt-distrikt', element: <DistrictCreate /> },
                      { path: 'organisation/ny-klynge', element: <ClusterCreate /> },
                      { path: 'organisation/ny-enhed', element: <UnitCreate /> },
                      { path: 'organisation/enheder/:id', element: <UnitEdit /> },
                      { path: 'medarbejdere', element: <StaffList /> },
                      { path: 'medarbejdere/ny', element: <StaffCreate /> },
                      { path: 'medarbejdere/:id', element: <StaffDetail /> },
                      { path: 'adgangslog', element: <AuditLog /> },
                      { path: 'trivselsskala', element: <WellbeingScaleAdmin /> },
                      { path: 'screeningsvaerktoejer', element: <ScreeningInstruments /> },
                      { path: 'indstillinger', element: <SettingsIndex /> },
                      { path: 'tilbud', element: <OfferAdminList /> },
                      { path: 'tilbud/ny', element: <OfferAdminForm key="new" /> },
                      { path: 'tilbud/:id', element: <OfferAdminForm key="edit" /> },
                      { path: 'lukkedage', element: <ClosingDays /> },
                      { path: 'sparringsdistrikter', element: <SocialWorkerDistricts /> },
                      { path: '*', element: <NotFound /> },
                    ],
                  },
                ],
              },
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
]);

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Client errors (403, 404, 409 …) will not change by asking again; network and 5xx may.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}

export function App() {
  const [queryClient] = useState(makeQueryClient);
  // Server texts (problem titles, field messages) come in the requested language: ask again.
  useEffect(() => {
    const onChange = () => void queryClient.invalidateQueries();
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
