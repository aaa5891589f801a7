package org.citycoop.finder.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every label of the finder, English here and Japanese in {@code messages/msg_ja.properties}. Templates read them as
 * {@code {msg:key}} in the page's locale; code as {@link Texts#of(String)}. Code values (challenge areas, statuses, ...)
 * have one message each with a branch per value, and show the code itself when the catalogue has a new one.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    @Message("CityCoop scheme finder")
    String app_title();

    @Message("Support from international agencies for cities in Asia and the Pacific")
    String app_tagline();

    @Message("Skip to the content")
    String skip_link();

    @Message("Find schemes")
    String nav_search();

    @Message("What fits my city")
    String nav_fit();

    @Message("Agencies")
    String nav_agencies();

    @Message("Embed")
    String nav_embed();

    @Message("Language")
    String language();

    @Message("Main")
    String nav_label();

    // search
    @Message("Find support schemes")
    String search_heading();

    @Message("Keywords")
    String search_keywords();

    @Message("Words in a scheme's name or description, e.g. training")
    String search_keywords_hint();

    @Message("Search")
    String search_button();

    @Message("Filters")
    String filters();

    @Message("Challenge area")
    String f_challenge();

    @Message("Support type")
    String f_supportType();

    @Message("Agency")
    String f_agency();

    @Message("Country")
    String f_country();

    @Message("Open to applicants from")
    String f_openTo();

    @Message("Any country")
    String any_country();

    @Message("Schemes open to every country count too. The number of schemes found is for the country chosen.")
    String country_hint();

    @Message("{param}: one country at a time; \"{value}\" was left out.")
    String err_one_country(String param, String value);

    @Message("Who may apply")
    String f_applicantType();

    @Message("Status")
    String f_status();

    @Message("Deadline")
    String f_deadline();

    @Message("Deadline from")
    String deadline_after();

    @Message("Deadline until")
    String deadline_before();

    @Message("Funding amount")
    String f_amount();

    @Message("At least")
    String amount_min();

    @Message("At most")
    String amount_max();

    @Message("Currency")
    String currency();

    @Message("Sort by")
    String sort();

    @Message("{#when value}{#is 'relevance'}Relevance{#is 'deadline'}Deadline, earliest first{#is 'updated'}Recently changed{#else}{value}{/when}")
    String sort_option(String value);

    @Message("Apply filters")
    String apply_filters();

    @Message("Clear all")
    String clear();

    @Message("Schemes found: {total}")
    String results_count(String total);

    @Message("No scheme matches this search. Remove a filter or try other words.")
    String no_results();

    @Message("Next page")
    String next_page();

    @Message("First page")
    String first_page();

    @Message("Results")
    String results();

    @Message("Follow this search")
    String subscribe();

    @Message("new and changed schemes (Atom)")
    String feed_atom();

    @Message("deadlines in your calendar")
    String feed_calendar();

    // cards and scheme page
    @Message("Deadline")
    String deadline();

    @Message("agency's time")
    String deadline_agency();

    @Message("your time")
    String deadline_yours();

    @Message("Rolling: applications at any time")
    String rolling();

    @Message("Was open at any time; no longer takes applications")
    String rolling_ended();

    @Message("Every year; this year's deadline")
    String annual();

    @Message("No deadline given")
    String no_deadline();

    @Message("Channel")
    String channel_label();

    @Message("Funding")
    String funding();

    @Message("not stated")
    String not_stated();

    @Message("up to {max}")
    String funding_up_to(String max);

    @Message("from {min}")
    String funding_from(String min);

    @Message("with a partner city in {country}")
    String partner_city(String country);

    @Message("in English")
    String in_english();

    @Message("Description")
    String description();

    @Message("How to apply")
    String steps();

    @Message("about {days} days")
    String step_days(String days);

    @Message("start by {date}")
    String step_start_by(String date);

    @Message("Start dates are counted back from the deadline with each step's usual duration; the agency's steps after yours come after the deadline.")
    String steps_counted_back();

    @Message("No steps are given for this scheme.")
    String no_steps();

    @Message("Eligibility")
    String eligibility();

    @Message("Countries")
    String countries();

    @Message("all countries")
    String all_countries();

    @Message("Regions (IATI)")
    String regions();

    @Message("Applicants bring {share} of the cost.")
    String co_financing(String share);

    @Message("The agency's page on this scheme")
    String source();

    @Message("Checked against the source on {date}")
    String verified_on(String date);

    @Message("How its terms changed")
    String history();

    @Message("Version {version}, {date}: first recorded")
    String history_created(String version, String date);

    @Message("Version {version}, {date}:")
    String history_version(String version, String date);

    @Message("{field}: {before} → {after}")
    String history_change(String field, String before, String after);

    @Message("(none)")
    String none();

    @Message("Back to the search")
    String back_to_search();

    @Message("Withdrawn in version {version}")
    String history_withdrawn(String version);

    // agencies
    @Message("Agencies and how to obtain their support")
    String agencies_heading();

    @Message("Schemes in the catalogue: {count}")
    String agency_scheme_count(String count);

    @Message("Website")
    String website();

    @Message("Contact")
    String contact();

    @Message("Its schemes and how a local government obtains them")
    String agency_schemes();

    // what fits my city
    @Message("What fits my city")
    String fit_heading();

    @Message("Tell us your city and what it needs: the schemes it may apply for come ranked, with the reason for each criterion.")
    String fit_intro();

    @Message("City")
    String city();

    @Message("Type a few letters of the city's name (accents are not needed), then choose it, e.g. Surabaya or Kitakyushu")
    String city_hint();

    @Message("Who applies")
    String applicant();

    @Message("Challenges and their priority")
    String challenges();

    @Message("{#when value}{#is 0}not needed{#is 1}priority 1 (highest){#is 2}priority 2{#is 3}priority 3{#else}{value}{/when}")
    String priority(int value);

    @Message("Support wanted")
    String support_wanted();

    @Message("Budget needed")
    String budget();

    @Message("Amount")
    String amount();

    @Message("Also show the schemes left out, and why")
    String show_left_out();

    @Message("Show the schemes that fit")
    String find_matches();

    @Message("Matches for {city}")
    String matches_for(String city);

    @Message("Score {score}")
    String score(String score);

    @Message("Left out")
    String left_out();

    @Message("Show more of the schemes left out")
    String more_left_out();

    @Message("Why")
    String why();

    @Message("No scheme fits these needs. Try other challenges or support types.")
    String no_matches();

    @Message("Twinning arrangements of {city}")
    String twinnings_of(String city);

    @Message("{city} has no twinning arrangement in the registry yet.")
    String no_twinnings(String city);

    @Message("Cities that could partner on {challenge}")
    String partners_for(String challenge);

    @Message("The registry suggests no partner city for this challenge yet.")
    String no_partners();

    @Message("{#when value}{#is 'relevance'}Relevance{#is 'applicantType'}Applicant{#is 'country'}Country{#is 'status'}Status{#is 'deadline'}Deadline{#is 'partnerCity'}Partner city{#is 'challenges'}Challenges{#is 'supportTypes'}Support types{#is 'budget'}Budget{#is 'sectors'}Sectors{#is 'coFinancing'}Co-financing{#is 'language'}Language{#is 'trackRecord'}Track record{#else}{value}{/when}")
    String criterion(String value);

    @Message("{#when value}{#is 'MET'}met{#is 'PARTLY_MET'}partly met{#is 'FAILED'}not met{#else}{value}{/when}")
    String result(String value);

    // the reason for each criterion of a match, in plain words, from the values the matching API compared
    @Message("It addresses {areas}.")
    String why_relevance_met(String areas);

    @Message("It addresses none of your challenges (it is about {areas}).")
    String why_relevance_failed(String areas);

    @Message("{applicant} may apply.")
    String why_applicant_met(String applicant);

    @Message("The agency does not say who may apply; ask it.")
    String why_applicant_unknown();

    @Message("{applicant} may not apply.")
    String why_applicant_failed(String applicant);

    @Message("Applicants from {country} are eligible.")
    String why_country_met(String country);

    @Message("It is open to certain world regions; ask the agency whether {country} is one of them.")
    String why_country_regions(String country);

    @Message("Applicants from {country} are not eligible.")
    String why_country_failed(String country);

    @Message("It is open for applications.")
    String why_status_open();

    @Message("It is not open yet; it opens on {date}.")
    String why_status_opens(String date);

    @Message("It is not open yet.")
    String why_status_not_yet();

    @Message("It is closed: its deadline, {date}, has passed.")
    String why_status_closed_on(String date);

    @Message("It is closed.")
    String why_status_closed();

    @Message("The agency has withdrawn it.")
    String why_status_withdrawn();

    @Message("The agency has not published whether it is open.")
    String why_status_unknown();

    @Message("Applications are taken at any time.")
    String why_deadline_rolling();

    @Message("It took applications at any time, but it no longer takes any.")
    String why_deadline_rolling_ended();

    @Message("No deadline is published.")
    String why_deadline_none();

    @Message("The deadline, {date}, is {days} days away: time enough for the steps on your side.")
    String why_deadline_met(String date, String days);

    @Message("The deadline, {date}, has passed.")
    String why_deadline_passed(String date);

    @Message("The deadline, {date}, is only {days} days away: less than the steps on your side usually take.")
    String why_deadline_too_soon(String date, String days);

    @Message("This year's deadline, {date}, is too soon for the steps on your side; next year's, {next}, can be met.")
    String why_deadline_next_year(String date, String next);

    @Message("No partner city is missing: none is needed, or a twinning arrangement of your city provides it.")
    String why_partner_met();

    @Message("It needs a partner city with which your city has an agreed or active twinning arrangement; the registry has none that fits.")
    String why_partner_failed();

    @Message("{area} (priority {priority})")
    String area_priority(String area, String priority);

    @Message("It addresses {areas}: {share} of your challenges, weighted by priority.")
    String why_challenges(String areas, String share);

    @Message("It addresses none of your challenges.")
    String why_challenges_none();

    @Message("You asked for no particular kind of support.")
    String why_support_any();

    @Message("It offers {offered} of what you asked for ({wanted}).")
    String why_support_offered(String offered, String wanted);

    @Message("It offers {offers}, none of what you asked for ({wanted}).")
    String why_support_not_offered(String offers, String wanted);

    @Message("You gave no budget.")
    String why_budget_none();

    @Message("Its funding range is not published.")
    String why_budget_unknown();

    @Message("Its funding ({range}) is in another currency than your budget ({budget}), so they are not compared.")
    String why_budget_currency(String range, String budget);

    @Message("Your budget of {budget} is above its maximum of {max}, which covers {share} of it.")
    String why_budget_above(String budget, String max, String share);

    @Message("Your budget of {budget} is below its minimum of {min}.")
    String why_budget_below(String budget, String min);

    @Message("Your budget of {budget} is within its funding range ({range}).")
    String why_budget_inside(String budget, String range);

    @Message("You asked for no particular sector.")
    String why_sectors_any();

    @Message("It asks for no co-financing.")
    String why_cofinancing_none();

    @Message("It asks you to pay part of the cost yourself (co-financing); the scheme's page says how much.")
    String why_cofinancing_needed();

    @Message("The agency has published {count} IATI {#if count == 1}activity{#else}activities{/if} in {country}{#if sectors} in sectors {sectors}{/if}{#if since} since {since}{/if}.")
    String why_track_met(String country, int count, String sectors, String since);

    @Message("The agency has published IATI activities in {country}.")
    String why_track_met_plain(String country);

    @Message("The agency has published IATI activities in {country}, but not in the sectors of this work.")
    String why_track_other_sectors(String country);

    @Message("No IATI activities of the agency are known to the catalogue.")
    String why_track_unknown();

    @Message("The agency's IATI activities show no work in {country}.")
    String why_track_failed(String country);

    @Message("It is described in {language}.")
    String why_language_met(String language);

    @Message("It is not described in {language}; it is shown in English.")
    String why_language_english(String language);

    @Message("(in English, as the matching service gave it)")
    String reason_in_english();

    @Message("{#when value}{#is 'EXPERTISE'}Expertise{#is 'TRACK_RECORD'}Track record{#is 'EXISTING_TIES'}Existing ties{#is 'DISTANCE'}Distance{#is 'LANGUAGE'}Language{#is 'SIZE'}Size{#else}{value}{/when}")
    String partner_criterion(String value);

    @Message("It offers expertise in {challenge}.")
    String why_p_expertise_met(String challenge);

    @Message("It has related experience in {challenge}: an offer in other sectors of it, or twinning work in it that it led.")
    String why_p_expertise_partly(String challenge);

    @Message("It offers no expertise in {challenge}.")
    String why_p_expertise_failed(String challenge);

    @Message("It has led twinning work in {challenge} with results achieved.")
    String why_p_track_met(String challenge);

    @Message("It has twinning work in {challenge}, but none that it led has results recorded yet.")
    String why_p_track_partly(String challenge);

    @Message("It has no twinning work in {challenge} yet.")
    String why_p_track_failed(String challenge);

    @Message("It already has a twinning arrangement with {city}.")
    String why_p_ties_met(String city);

    @Message("It has no twinning arrangement with {city} yet.")
    String why_p_ties_failed(String city);

    @Message("{km} km from {city}.")
    String why_p_distance(String km, String city);

    @Message("Its country shares a language with yours.")
    String why_p_language_met();

    @Message("Its country has no language in common with yours.")
    String why_p_language_failed();

    @Message("{population} inhabitants ({city}: {yours}).")
    String why_p_size(String population, String city, String yours);

    @Message("{#when value}{#is 'PROPOSED'}proposed{#is 'AGREED'}agreed{#is 'ACTIVE'}active{#is 'COMPLETED'}completed{#is 'SUSPENDED'}suspended{#is 'TERMINATED'}ended early{#else}{value}{/when}")
    String twinning_status(String value);

    // codes
    @Message("{#when value}{#is 'SOLID_WASTE'}Solid waste{#is 'WATER_AND_WASTEWATER'}Water and wastewater{#is 'AIR_QUALITY'}Air quality{#is 'OTHER_PHYSICAL'}Other physical infrastructure{#is 'URBAN_PLANNING'}Urban planning{#is 'REGULATIONS'}Regulations{#is 'INSTITUTIONS'}Institutions{#is 'FINANCIAL_MECHANISMS'}Financial mechanisms{#is 'APPROPRIATE_TECHNOLOGY'}Appropriate technology{#is 'SOCIAL_CAPITAL'}Social capital{#else}{value}{/when}")
    String challenge(String value);

    @Message("{#when value}{#is 'FINANCIAL'}Grant{#is 'LOAN'}Loan{#is 'TECHNICAL'}Technical assistance{#is 'TRAINING'}Training{#is 'INFORMATION'}Information{#is 'OTHER'}Other{#else}{value}{/when}")
    String supportType(String value);

    @Message("{#when value}{#is 'LOCAL_GOVERNMENT'}Local government{#is 'NATIONAL_GOVERNMENT'}National government{#is 'NGO'}NGO{#is 'ACADEMIC'}Academic institution{#is 'PRIVATE'}Private sector{#is 'ANY'}Anyone{#else}{value}{/when}")
    String applicantType(String value);

    @Message("{#when value}{#is 'OPEN'}Open{#is 'FORECASTED'}Forecasted{#is 'CLOSED'}Closed{#is 'WITHDRAWN'}Withdrawn{#is 'ROLLING'}Rolling{#else}{value}{/when}")
    String status(String value);

    @Message("{#when value}{#is 'DIRECT'}apply directly to the agency{#is 'THROUGH_NATIONAL_GOVERNMENT'}apply through your national government{#is 'THROUGH_AGENCY_STAFF'}together with the agency's staff{#is 'THROUGH_IMPLEMENTING_AGENCY'}through an accredited implementing agency{#is 'THROUGH_PARTNER_LOCAL_GOVERNMENT'}through a partner local government in the donor country{#else}{value}{/when}")
    String channel(String value);

    @Message("{#when value}{#is 'CITY'}Your city{#is 'NATIONAL_GOVERNMENT'}National government{#is 'AGENCY'}Agency{#is 'PARTNER_CITY'}Partner city{#is 'OTHER'}Other{#else}{value}{/when}")
    String actor(String value);

    // messages about bad input
    @Message("Please check the search")
    String err_heading();

    @Message("{param}: \"{value}\" is not a value we know; it was left out.")
    String err_unknown_value(String param, String value);

    @Message("{param}: \"{value}\" is not a date (write it as 2027-03-31); it was left out.")
    String err_bad_date(String param, String value);

    @Message("{param}: \"{value}\" is not an amount (write it as 50000); it was left out.")
    String err_bad_amount(String param, String value);

    @Message("{param}: \"{value}\" comes before {other}, so nothing could match; it was left out.")
    String err_reversed_dates(String param, String value, String other);

    @Message("{param}: \"{value}\" is less than {other}, so nothing could match; it was left out.")
    String err_reversed_amounts(String param, String value, String other);

    @Message("The keywords are longer than {max} characters; please shorten them.")
    String err_query_too_long(String max);

    @Message("No city called \"{city}\" is in the registry. Type a few letters and choose one of the cities offered.")
    String err_unknown_city(String city);

    @Message("Please choose a city.")
    String err_no_city();

    @Message("Please give at least one challenge a priority.")
    String err_no_challenge();

    @Message("The link to this page of results is out of date or damaged, so the first page is shown.")
    String err_cursor();

    @Message("The list of schemes left out has changed since this link was made, so it starts again from the first ones.")
    String err_left_out_cursor();

    @Message("The catalogue did not take this search: {detail}")
    String err_api(String detail);

    @Message("The catalogue cannot be reached right now. Please try again in a minute.")
    String err_unavailable();

    @Message("Matching is not available on this site right now.")
    String err_no_key();

    @Message("This page does not exist")
    String not_found_heading();

    @Message("The address may be mistyped, or the scheme may no longer be listed.")
    String not_found_text();

    @Message("Something went wrong")
    String error_heading();

    @Message("Go to the search")
    String go_to_search();

    /** The end of a sentence: a full stop, 。 in Japanese. */
    @Message(".")
    String full_stop();

    @Message("{count} inhabitants")
    String inhabitants(String count);

    @Message("This address cannot be read")
    String refused_heading();

    @Message("Too many pages at once")
    String too_many_heading();

    @Message("More pages were asked for from your network address in the last minute than the site serves to one address. Please wait a minute and try again.")
    String too_many_text();

    @Message("This address is too long for the site to read. Start again from the search, with fewer words or filters.")
    String refused_too_long();

    @Message("Your browser sent more with this address (cookies, headers) than the site reads. Remove this site's cookies and try again.")
    String refused_headers_too_large();

    @Message("This address holds characters a web address may not hold, so the site cannot read it. Start again from the search.")
    String refused_malformed();

    // embedding
    @Message("Put the finder on your website")
    String embed_heading();

    @Message("Paste this snippet into your page. The script is optional: it makes the frame as tall as its content. Your site's origin must be on the finder's list of allowed origins (CITYCOOP_FINDER_FRAME_ANCESTORS).")
    String embed_text();

    @Message("Scheme finder")
    String embed_frame_title();

    @Message("Data: CityCoop catalogue; cities: GeoNames (CC BY 4.0).")
    String footer();
}
