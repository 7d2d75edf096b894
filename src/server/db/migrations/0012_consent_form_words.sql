-- One word for a consent given by word of mouth across Spire: counselling
-- visits (0011) said 'verbal' where consents (0008) and meetings (0007) say 'oral'.
alter table counselling_visits drop constraint counselling_visits_consent_form_check;
update counselling_visits set consent_form = 'oral' where consent_form = 'verbal';
alter table counselling_visits add constraint counselling_visits_consent_form_check check (consent_form in ('written', 'oral', 'digital'));
