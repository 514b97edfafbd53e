"""Actors: who is who in a document, coded to PLOVER country and sector codes.

Public entry points:

- `ActorResolver(doc).resolve(start, end)`: within-document resolution of a span (full name, surname, "Mr Hague",
  title "the Foreign Secretary", pronoun, organisation, country, capital/seat of power, nationality phrase,
  described source) to an `Actor`.
- `ActorResolver(doc).resolve_all(start, end)`: every actor of a coordinated span ("Hungarian and Romanian
  officials" -> HUN GOV, ROU GOV); a span that is no list gives the one actor `resolve` gives.
- `code_actor(text, context=None, date=None)`: context-free coding of a bare mention string (`context` may be text
  or a known-country code, "KEN").

Sectors come from role nouns (Phoenix agent dictionary with TABARI stems, plus hand-written nouns covering the
PLOVER sector list: ranks and titles, also abbreviated before a name, "Col.", "Rev."; clergy and faiths; peoples;
business, media, civil society, labour, refugees) by the head-noun rule: an organisation is what its head noun says
("police union" LAB, "Congress Party" PTY), a profession takes the institution before it ("army doctor" MIL), a
generic head takes the role or body before it ("rebel leader", "Taliban spokesman"), and an organisation noun that
ends a proper name says nothing ("Homeland Union"); countries from names, demonyms, capitals, seats of power, cities and provinces (the latter only where they
qualify a role, so a town inside an unknown person's name says nothing). CAMEO religion codes (MUS, CHR, BUD...)
are kept as sectors, as NGEC does.

People are coded by the office they held on the date asked (people.tsv, leaders.tsv, ministers.tsv and the
country-by-country office-holder list officeholders.tsv, 2014-2025; un_members.txt is its checklist): out of every
office, or between two, a person is a former official (PLOVER ELI), as is a relative of an official ("the
minister's son"). A listed surname after a first name in another spelling (name_variants.tsv: "Aleksandr
Lukashenko") or one letter off ("Lukashenka") is the listed person; a country is never guessed from a name's shape,
only read from the words, a title's country word, or the context / known-country code given. Older leaders and
armed groups the derived lexicon lacks are in historical.tsv; an office the derived lexicon (which stops in 2014)
leaves open for years is taken as left by 2020 and later (ELI); a dissolved organisation keeps its last sector.
An unlisted person in running text takes the office and country of a title before the name, lower case too
("Nigerian lawmaker X", "former president X"), or of an apposition after it ("X, the Nigerian interior minister");
one described by a role only takes the story's country. Unlisted organisations: a grade word says no body
("Deputy Minister" GOV), "<body> of <Country>" names its country, an armed movement's name (liberation,
independence, resistance + front/army/union...) is REB, and a derived organisation without a sector (or filed as
GOV/COP/MIL under a head that says SPY/JUD/LEG) takes its head noun's. Dependencies fold into their controlling
state (dependencies.tsv, PLOVER manual). A capitalised "... Democratic Forces" name is an armed group (REB), "a
multinational/international force" or "a regional peacekeeping force" is IGO, an unlisted body named after a region
of states or the world ("Association of African Jurists") is NGO, and an undated derived row filed as government
with legislature second is a parliament (LEG). State institutions by class (intelligence, police, armed forces,
courts, electoral commissions, central banks, state media, state companies, parties, armed groups) are in
institutions.tsv. A given name one letter off the listed one is the listed person unless only a gendered ending
differs ("Mamadi"/"Mamady", not "Maria"/"Mario"); a capitalised number word that opens a listed name is kept ("Five
Star Movement"); "... Treaty Organization" is IGO; the head of an unlisted "... Rights League/Committee" is SOC;
"the ruling <party>" is GOV; a faith word before a clergy noun gives the faith code ("a Sunni cleric" MUS); a body
the lexicon files under one country, named as another's, takes its head noun's sector ("the Tanzania People's
Defence Force" MIL); "the then defence minister" held the office then (no ELI). A bare "Congo" is the Democratic Republic (wire style);
a current place name beats a foreign city's old or foreign-language name (places_extra.tsv: "Salisbury" is English,
not Harare); a hyphenated pair of demonyms takes the last ("Iranian-American" USA); a name before a site noun is the
site, not a person it matches ("the Lachin corridor"); an armed group described by an ethnic or regional word still
takes the sentence's place ("Arab militias in Darfur"); a city name cities of several countries share takes the one
other country the sentence names where a namesake at least a tenth the size stands ("Tripoli, the Lebanese port").
An unqualified "the government" of a story whose country is known is not placed by a town its clause happens in
("resumed talks in Havana": a venue); "officers here" are where the wire dateline files from
(`Document.extra["wire_dateline"]`), else the story's country; a people of several states (ethnic_groups.txt:
"Hutu rebels") takes a place that qualifies it or its clause, else the story's country, unless the sentence names
that country only in a "by"/"from"/"with" phrase (a mediator's): then none; a bare "the government" coordinated with a named armed group of one country is that
country's ("the government and the M23"); "the leaders of France" is GOV and
"the leaders of France and Germany" two actors; a group's name cut short before a site noun is the site ("the
Al-Aqsa compound"). The sentence decides (session 22): a party name many countries' parties bear
(generic_parties.txt: "the Social Democrats in Denmark"), an acronym a list files as another body that names the
election commission of a sentence about an election (poll_acronyms.tsv: "The EC declared ... Ghana's election"), a
lone surname several listed people or a place share ("Santos" beside Colombia), a government named by a family
("the Sharif government"); a people of several states is not placed by a border phrase ("on the Thai border").

Session 9 lists by kind: officials.tsv (chief justices, prosecutors, police chiefs, governors, premiers, chief ministers,
mayors, party leaders before office, armed-group and cartel leaders) and public_figures.tsv (journalists, activists,
clerics, businesspeople); surname_shared.txt holds surnames many people share, never read alone. A listed person
named with one middle name more is the listed person ("Tukur Yusuf Buratai"); a particle-led alias after an unknown
given name ends that name ("Hamza bin Laden" is not Osama); a given name that only extends a role-word stem opens a
name ("Christiane"); a person's name that starts with a role word is no title ("Marine Le Pen"); a misspelt demonym
after an unknown given name is a surname ("Hanna Maliar"); and the mention's own words are not read again as context.

Session 10: a one-word country name right after a given name is a surname ("Peter Jordan" is no Jordanian; the given
names are the first words of the lexicon's people, indexed once on first use, `_Lexicon.given_names`); a listed
name followed by an unknown capitalised word is someone else ("Mohammed Hussein Roble" is not Muhammad Hussein; a
weekday or a family-name particle, "Al Saud", does not count); the head of an international body working in a field
or an alliance is its official, GOV ("the WHO chief", "the head of UNESCO"; a court's, parliament's or bank's keeps
its sector), as the WHO's own heads are listed; a teachers' union is EDU (LAB second), other unions LAB; a cleric
in state office is coded by the office (GOV), one in none REL; police slang ("cops") is a police role noun, so it
takes the sentence's place like "police" does.

Session 10, second round (conventions by kind, tests/data/actors_own_s10.md): a one-word organisation name right
after a listed given name is a surname ("... William Saab"); a capitalised word opening a listed person's name is no
article ("To Lam"); a described ruling party is GOV; an "attorney general" is JUD where the title names the head of
the public prosecution (prosecutor_titles.tsv: Latin America, Spain, Portugal), GOV elsewhere; a royal title alone
("a Saudi prince") is ELI and never unseats a listed office; a title word after "bin" or between two unknown name
words is part of the name ("Bandar bin Sultan"); a name head word may follow a Romance particle ("Agence Ivoirienne
de Presse"). Officers in a military government and serving officers who are defence ministers are GOV with MIL
second; armed-group leaders are GOV while they hold a state office.

Session 11 (a listed person outside the offices the lists give, tests/data/actors_own_s11.md): after the last one a
former official (ELI, as NGEC codes it) unless another listed post covers the date; before the first one, a dated
period of the derived lexicon that covers the date (hand-written rows no longer hide a person's earlier Phoenix
career), else MIL for an officer who took a government or military post, else a post of the listed office's sector
(GOV, LEG, JUD, COP, SPY), ELI before leading the opposition, no sector before a party or armed-group post;
legislators.tsv gives listed ministers' periods in parliament (LEG) by country.

Session 12 (older world news, the CAMEO era, tests/data/actors_own_s12.md): with no date, a person only the derived
lexicon has, or whose every listed office ended before 2014, is coded by their latest office, not by a "former
official" default row (an undated text naming them is most likely of their time); several states named by a region
or faith ("Arab states", "Muslim countries") and regional constructs take no country from their sentence, nor do
"foreign journalists"; unnamed aid bodies are NGO; a person's fighters ("Kabila's rebels") are the role noun of the
person's country; an armed group's "forces" are the group; a military rank unseats neither a ruler nor a rebel
leader; a faith before an armed or criminal noun is secondary ("Islamic militants" REB); an international official
the derived lexicon files as the body takes the title before the name. historical.tsv gained leaders, envoys, armed groups, dissolved services and UN missions of
the 1970s-2000s; countries_extra.tsv folds Yugoslavia into Serbia and old state names into their present state.

Session 13 (post-2014 office holders by class, tests/data/actors_own_s13.md): a capital after a listed given name is
a surname ("Jack London", like "Peter Chad"); a listed given name is never read as a misspelt surname or country
("Angela" is no Angola); "local" before a post of the state is a level of government ("local officials" GOV, not
the locals), growers are farmers, hospital staff medical workers; presidential palaces as metonyms (seats.tsv).
Session 18: a seat that is also a town (`_rules._seat_as_place`: "Miraflores", "Rawalpindi", "Duma") is the town, of
the town's country, after people who live there ("residents of"), before a town noun ("Miraflores district"), or
where the context puts it in another country ("Miraflores in Lima"); a capital listed as its own seat is left alone.
Data by class, each row checked against `code_actor` first: cabinet ministers beyond the core portfolios (health,
education, justice, finance, energy, environment, trade...), US deputy secretaries and envoys, Ukrainian and
Russian regional heads, European army chiefs, party chairs out of government (ministers.tsv); legislators outside
the UK and Japan and more Commons members to the 2024 dissolution (legislators.tsv); national newspapers and
companies (groups.tsv).

Session 14 (Africa, Latin America and Asia, context traps; tests/data/actors_own_s14.md): an envoy is his sender's
("the Nigerian ambassador to the United Nations" NGA GOV, a sending state alone GOV); a listed name opening with a
capital "The" keeps it ("The Hindu" the paper, "the Hindu community" the faith); an unlisted paper named after a faith
is JRN; an unlisted "Grupo/Groupe/Compañía ..." name is BUS (not an armed or faith group's); an acronym that is
also a listed given name, before an unknown surname, is that name ("Hina Jilani" is no HINA); a criminal group's
gunmen are CRM; a capitalised "... Board/Bureau" is GOV unless a given name opens it; a local actor (police, courts,
gangs, gunmen, civilians, doctors) with no country of its own takes the place the sentence locates it in ("the
police in Nairobi", "arrested in Kaduna State"), or a demonym right before it, before any foreign capital or
nationality the sentence also names ("Washington condemned ..."). In documents (session 15), a court, legislature or
opposition with no country of its own takes the place a phrase qualifying it names ("Berlin protested after a court
in Ankara ..." TUR), before the clause's subject or the sentence's government.

Session 17 (security forces, name traps, surnames; tests/data/actors_own_s17.jsonl): a listed surname right after
"in/near/outside" is a town ("Police in Busia" is no Kofi Busia); a country name or acronym written as a given name
before a surname is no country or body (a hand-listed person's surname, or an unknown non-English word after an
acronym of no armed group or after a country name people are given, country_given_names.txt: "Sana Mir", "Niger
Innis"); a person named without a post takes the title and full name of the first mention in its context ("Pakistani
lawyer Imran Qureshi ... Qureshi"), as does a one-word town name the context first gives a person; a named body's
"operatives" are its own. Data: South Asian and African security forces (institutions.tsv), rangers,
counter-terrorism departments, bar councils, chambers of commerce, "kisan", "chhatra", schoolgirls (agents_extra.tsv).

Session 19 (context, apposition, foreign bodies; tests/data/actors_own_s19.jsonl; `_context`): an unlisted name takes
the role an apposition after it gives ("Joseph Kamau, a Kenyan police spokesman," KEN COP; a listed person only when
the apposition names another country); a body of two states named by a hyphenated pair is the first state's, with
its body noun's sector ("the joint Sudan-South Sudan committee" SDN GOV, "the Franco-German brigade" FRA MIL;
two_state_bodies.tsv); a people placed abroad is its country's civilians ("Eritreans in Israel" ERI CVL); a
country's own seat of power is the body ("Iran's Majlis" LEG); "Air ..." and "Banco/Banque ..." names are companies;
in running text, a bare seat that is a town of the story's country, the seat being another's, is the town
("Miraflores" in a story from Peru). Data: airlines (groups.tsv), lower-case carabinieri, joint ventures, the
Cortes, Westminster the London borough (places_extra.tsv).

Session 20 (local names, regional forces, provincial officials, unnamed actors; tests/data/actors_own_s20.jsonl): a
named state force's or militia's "fighters" keep its sector ("Peshmerga fighters" MIL); the military police of a
town, state or province are police ("Bahia state military police" COP); a place named with its place noun that opens
a role gives the noun to the role ("the Turkana county commissioner" KEN GOV); an unnamed local actor "off" a place,
"off the coast of" or "on the outskirts of" it is of that place. Data: provincial assemblies LEG, district
magistrates GOV, looters CRM (agents_extra.tsv), the Auswärtiges Amt and Bercy (seats.tsv), police forces by their
own names, the Civilian JTF, national media and rights groups, UNAMID (institutions.tsv), the ADF COD (groups.tsv).

Session 21 (leaders' forces, election bodies, faith bodies; tests/data/actors_own_s21.jsonl): a leader's armed
followers ("Kadyrov's men", "soldiers loyal to Tchiani", "Gaddafi loyalists") are a rebel's or militia leader's kind,
a state figure's in office MIL (troops, soldiers, forces) or PRM (fighters, gunmen, men, loyalists), else the noun's;
an unlisted acronym acting as its sentence's election authority is the commission (GOV); a news outlet's producer is
media. Data: religious institutions and titles (patriarchate, catholicos, ulema; Al-Azhar, the Holy See), election
commissions by acronym, a family name two leaders share by the date ("Kenyatta" in 1970 is Jomo), Reuters GBR.

Lexicons are TSV files under dateline/data/actors/ (derived ones from scripts/build_actors.py, hand-written ones a
user can extend); they are indexed once per process. Coding is a handful of dict lookups over the mention's n-grams.

The code lives in private modules, each importing only those listed before it: `_words` (normalisation of mention
text, shared word lists), `_lexicon` (the data readers and the lexicon index, built once per process: `_lex`),
`_match` (the entry valid on a date, `_pick`, and the n-gram scan of a mention, `_scan`), `_rules` (head-noun
sectors, places in roles, coordination, context countries, facilities, name shapes), `_context` (what a mention's
sentence says beyond its words: appositions, bodies of two states, peoples abroad), `_coding` (`_code` and the
public `code_actor`), `_titles` (the titles around a named person, the outlet and domain of a document) and
`_resolver` (`ActorResolver`, `resolver_for`). The lexicon (`_LEX`) and its row reader
(`_rows`) belong to `dateline.actors._lexicon`: patch them there, not on this package (the `actors` eval suite's
cross-validation does).
"""

from __future__ import annotations

from dateline.actors._coding import _code_cached as _code_cached
from dateline.actors._coding import code_actor
from dateline.actors._context import _pair_named
from dateline.actors._lexicon import _DATA as _DATA
from dateline.actors._lexicon import _lex as _lex
from dateline.actors._lexicon import _offices as _offices
from dateline.actors._lexicon import _rows as _rows
from dateline.actors._match import _scan as _scan
from dateline.actors._resolver import ActorResolver, resolver_for
from dateline.actors._titles import _url_country as _url_country
from dateline.actors._words import _norm as _norm
from dateline.actors._words import _tok as _tok
from dateline.model import Actor, Document

__all__ = ["ActorResolver", "code_actor", "parties_named_before", "resolver_for"]


def parties_named_before(doc: Document, start: int, end: int) -> list[Actor]:
    """The two governments a pair noun at doc.text[start:end] stands for ("The two countries agreed ...", "both
    sides"), from the nearest sentence that names exactly two states (`_context._pair_named`); [] otherwise. For the
    events package: one actor each, where `resolve` gives the pair no country."""
    return [
        Actor(doc.text[start:end], start, end, None, c, "GOV", "described")
        for c in _pair_named(doc, start, end)
    ]


# (the `name as name` imports above re-export private names that tests, scripts/build_actors.py, the events
# package and the eval suite import from the package)
