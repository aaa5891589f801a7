-- What a subscription's owner may see of the saved needs, recorded when it subscribes (as NeedAccess decides it:
-- everything for the secretariat admin; else the needs it saved and those of the cities it is bound to), so that an
-- alert goes only to subscriptions whose owner may still see the need (a need moved to another city is no longer a
-- city editor's). Subscriptions made before this are taken as the admin's: they keep receiving what they did.
ALTER TABLE subscription ADD COLUMN sees_all BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE subscription ADD COLUMN city_ids TEXT[] NOT NULL DEFAULT '{}';
UPDATE subscription SET sees_all = TRUE;
