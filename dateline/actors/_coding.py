"""Actors, layer 5: context-free coding of a mention string (`_code`, relatives of officials, the cache
and the public `code_actor`)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from dateline.actors._context import (
    _apposed_role,
    _diaspora,
    _family_government,
    _generic_party,
    _poll_acronym,
    _poll_body,
    _surname_read,
    _two_states,
)
from dateline.actors._lexicon import (
    _GROUP_CODES,
    _facility_words,
    _lex,
    _Lexicon,
    _office_country,
    _prosecutor_titles,
    _regional,
)
from dateline.actors._match import _Match, _scan
from dateline.actors._rules import (
    _PLACE_NOUNS,
    _context_countries,
    _context_country,
    _democratic_forces,
    _facility,
    _head_sector,
    _located_country,
    _multinational,
    _name_head,
    _place_in_role,
    _rebel_name,
    _rights_body,
    _seat_as_place,
    _starts_name,
    _transnational_body,
    _treaty_body,
)
from dateline.actors._words import (
    _ARTICLES,
    _FORMER,
    _GENERIC_HEADS,
    _GENERIC_OWNED,
    _INSTITUTIONAL,
    _LEADER_HEADS,
    _LOCAL_ARMED,
    _NOT_OWNER,
    _PRONOUNS,
    _RELIGIONS,
    _SITE_HEADS,
    _STATE_NOUNS,
    _norm,
    _singular,
    _tok,
)
from dateline.model import Actor

# words that make a nationality an ethnic/religious group, coded (PLOVER/CAMEO convention) with the country it
# lives in rather than the country its name comes from ("ethnic Turks" in Bulgaria are BGR)
_ETHNIC = {"ethnic", "minority", "minorities", "population", "populations", "community", "communities"}


def _truncated_alias(m: _Match, norms: list[str]) -> bool:
    """An organisation matched by the first words of its name only ("Al-Aqsa" for the Al-Aqsa Martyrs Brigades): the
    words name something else (a site, a mosque) as often as the group. An acronym ("UN") is no such alias."""
    if m.akind != "organisation" or not m.name:
        return False
    said, full = " ".join(norms[m.i : m.j]), _norm(m.name)
    return full != said and full.startswith(said + " ")


def _article_place(toks: list[tuple[str, str, int, int]], lex: _Lexicon) -> bool:
    """ "the" opens a place's own name ("The Hague"), which a person's surname must not take over."""
    if len(toks) < 2 or toks[0][0] != "the":
        return False
    key = f"the {toks[1][0]}"
    return key in lex.countries or key in lex.cities or key in lex.places


# diplomatic posts named by where they are sent ("ambassador to", "envoy to", "permanent representative to")
_ENVOYS = {"ambassador", "ambassadors", "envoy", "envoys", "representative", "representatives", "commissioner",
           "delegate", "delegates", "delegation", "emissary", "consul", "mission"}  # fmt: skip


# capitalised first words of business groups' names in Spanish, Portuguese and French ("Grupo Bimbo")
_BUSINESS_PREFIXES = {"Grupo", "Groupe", "Compañía", "Companhia", "Compagnie", "Corporación",
                      "Banco", "Banca", "Banque", "Air"}  # fmt: skip
# lower-case joining words such a name may hold ("Grupo Financiero del Sur"); any other lower-case word makes a
# phrase, not a company's name ("Groupe Salafiste pour la Prédication et le Combat")
_NAME_JOINERS = {"de", "del", "da", "do", "das", "dos", "des", "du", "y", "e", "et"}
# words that make a "Grupo"/"Groupe" an armed, faith or political group, not a business ("Groupe Islamique Armé";
# accents folded, as the tokens are)
_NOT_BUSINESS = {"arme", "armee", "armado", "armada", "armados", "islamique", "islamico", "combattant", "revolucionario",
                 "revolucionaria", "revolutionnaire", "rebelde", "guerrillero", "salafiste", "jihadiste", "yihadista",
                 "parlamentario", "parlementaire",
                 # an air arm or air rank, not an airline ("Air Force", "Air Chief Marshal", "Air Defence Command")
                 "force", "forces", "wing", "command", "defence", "defense", "marshal", "chief", "vice", "commodore",
                 "staff", "base", "station", "one"}  # fmt: skip


def _business_group(toks: list[tuple[str, str, int, int]]) -> bool:
    """An unlisted name opening with a business-group word ("Grupo Lala", "Groupe Bolloré", "Compañía Minera
    Antamina"): the words after it capitalised (or joining particles), none saying an armed or faith group."""
    rest = toks[1:]
    return (
        len(toks) >= 2
        and toks[0][1] in _BUSINESS_PREFIXES
        and toks[1][1][:1].isupper()
        and all(t[1][:1].isupper() or t[0] in _NAME_JOINERS for t in rest)
        and not any(t[0] in _NOT_BUSINESS for t in rest)
    )


def _titled_name(toks: list[tuple[str, str, int, int]], lex: _Lexicon) -> bool:
    """A capitalised "The" that is part of a listed organisation's name, the name being the whole mention (or its
    possessor): "The Hindu" is the newspaper, "the Hindu" (or "The Hindu community") the faith."""
    if len(toks) < 2 or toks[0][1] != "The":
        return False
    end = next((k for k, t in enumerate(toks) if t[0] == "'s"), len(toks))
    return any(e.kind == "organisation" for e in lex.actors.get(" ".join(t[0] for t in toks[:end]), ()))


def _code(text: str, context: str | None, date: str | None) -> tuple[str | None, str | None, str | None, str]:
    """(name, country, sector, kind) of a mention string."""
    toks = _tok(text)
    lex = _lex()
    # drop leading articles / quantifiers ("the", "two", "over two dozen"), not the first word of a listed name
    # ("Five Star Movement", "The Hague Group")
    while (
        toks
        and (toks[0][0] in _ARTICLES or toks[0][0].isdigit())
        and not _starts_name(toks, lex)
        and not _article_place(toks, lex)
        and not _titled_name(toks, lex)
    ):
        toks = toks[1:]
    if not toks:
        return None, None, None, "unknown"
    norms = [t[0] for t in toks]
    if len(toks) == 1 and norms[0] in _PRONOUNS and not toks[0][1].isupper():
        return None, None, "UNK", "pronoun"
    former = any(w in _FORMER or w.startswith("ex ") for w in norms) or toks[0][1].lower().startswith("ex-")
    kin = _kin_of(text, toks, context, date)
    if kin is not None:
        return kin
    turned = _turned(text, toks, context, date)
    if turned is not None:
        return turned
    # an envoy's destination is not whose envoy it is: "the Nigerian ambassador to the United Nations" is Nigeria's
    to = next((k for k in range(1, len(norms)) if norms[k] == "to" and norms[k - 1] in _ENVOYS), None)
    if to is not None:
        sender = _code(text[: toks[to][2]], context, date)
        # (a state's post abroad is its government's, where "representative" alone says no sector; a body's mission
        # keeps what the body says: "the UN peacekeeping mission to Mali")
        if sender[1] and (sender[2] or sender[1] in _GROUP_CODES):
            return sender
        if sender[1]:
            return sender[0], sender[1], "GOV", "described"
    # apposition: "Harry Tseng, Taiwan's deputy foreign minister" -> code each part, the named one first
    if "," in norms:
        parts = [p.strip() for p in text.replace("\u2019", "'").split(",") if p.strip()]
        coded = [_code(p, context, date) for p in parts]
        named = [c for c in coded if c[0]]
        base = named[0] if named else coded[0]
        country = next((c[1] for c in coded if c[1]), None)
        sector = base[2] or next((c[2] for c in coded if c[2]), None)
        return base[0], base[1] or country, sector, base[3]
    matches = _place_noun_title(_seat_as_place(_scan(toks, date), toks, text, context), norms)
    # split at "of": "president of the European Council" -> head part, owner part
    of_idx = norms.index("of") if "of" in norms else len(norms)
    head = [m for m in matches if m.i < of_idx]
    tail = [m for m in matches if m.i > of_idx]
    actors = [m for m in head if m.kind == "actor"] or [m for m in tail if m.kind == "actor"]
    # a possessor is the owner, not the one named: "Al-Qaeda's Sahel affiliate JNIM", "Hamas's leader X" -> the
    # actor after it
    actors = [
        m for m in actors if not (m.j < len(norms) and norms[m.j] == "'s" and any(o.i > m.j for o in actors))
    ] or actors
    if actors and all(m.akind == "person" or _truncated_alias(m, norms) for m in actors):
        rest = [m for m in matches if m.kind != "actor"]
        fac_words = _facility_words()
        if _facility(toks, rest) is not None and ("prefix", norms[0]) not in fac_words:
            # a person's name, or a group's name cut short, before a site's head noun names the site after them
            # ("the Lachin corridor", "the Kakhovka dam", "the Al-Aqsa compound"): no person and no Al-Aqsa
            # Martyrs Brigades, whoever the lexicon lists under that word
            matches, actors = rest, []
            head = [m for m in matches if m.i < of_idx]
            tail = [m for m in matches if m.i > of_idx]
    agents_head = [m for m in head if m.kind == "agent"]
    name: str | None = None
    kind = "described"
    country = ""
    sector = ""
    if actors:
        a = max(actors, key=lambda m: m.j - m.i)
        name, country, sector, kind = a.name, a.country, a.sector, a.akind
        other = _namesake(" ".join(norms[a.i : a.j]), country, a.akind, text, context)
        if other is not None:
            name, country, sector = other.name, other.country, other.sector
        own_sector = sector  # the person's or body's own, before a title in the mention speaks
        origs = [t[1] for t in toks]
        owner = [
            m
            for m in matches
            if m.kind == "country"
            and m.j <= a.i <= m.j + 2
            and all(norms[k] == "'s" or origs[k][:1].islower() for k in range(m.j, a.i))
        ]  # "Paraguay's (governing) Congress"
        if owner and a.akind != "person" and country not in _GROUP_CODES and owner[-1].country != country:
            # "Paraguay's Congress": the lexicon's Congress is American, the words say whose this one is
            name, country = None, owner[-1].country
            # and what it is, by its head noun ("Tanzania People's Defence Force" MIL, not Myanmar's rebel PDF)
            head_role = (
                lex.agent(norms[max(a.i, a.j - 3) : a.j])
                or lex.agent(norms[max(a.i, a.j - 2) : a.j])
                or lex.agent(norms[a.j - 1 : a.j])
            )  # (the longest head phrase: "Ghana Trades Union Congress" is no parliament)
            if head_role and head_role[0] in _INSTITUTIONAL:
                sector = head_role[0]
        k = a.j + 1 + (a.j + 1 < len(norms) and norms[a.j + 1] == "the")
        of_country = [m for m in matches if m.kind == "country" and m.i == k and m.country]
        if (
            a.akind != "person"
            and a.j < len(norms)
            and norms[a.j] == "of"
            and of_country
            and country not in _GROUP_CODES
            and of_country[0].country != country
        ):
            # "the Ministry of Defence of Nigeria": a body the lexicon files under one country, named as another's
            name, country = None, of_country[0].country
        if a.akind != "person" and a.j <= of_idx and norms[a.j - 1] in _GENERIC_OWNED:
            # "Congress of the Philippines", "Congress of Trade Unions": a generic body named by its "of" phrase
            places = [m for m in tail if m.kind == "country" and m.country]
            roles = [m for m in tail if m.kind == "agent" and m.sector and m.sector != "GOV"]
            if places and country not in _GROUP_CODES and places[0].country != country:
                name, country = None, places[0].country
            if roles:
                name, sector = None, roles[-1].sector
        titles = [m for m in agents_head if m.j <= a.i and m.sector]
        if (
            titles
            and kind == "person"
            and not (titles[-1].sector == "MIL" and sector in ("GOV", "REB"))
            and not (titles[-1].sector in _RELIGIONS and sector in _INSTITUTIONAL)
            and not (titles[-1].sector == "ELI" and _royal(norms[titles[-1].i : titles[-1].j]))
        ):  # (a faith word before a listed official is no office: "Shia Prime Minister X"; nor is a royal title:
            # "Prince Faisal bin Farhan" is the foreign minister)
            # the title in the text says the office held now ("Foreign Minister X"); a military rank does not
            # unseat a government office the lexicon gives for the date ("Col. Assimi Goita", Mali's president),
            # nor a rebel leader's ("Commander Ahmad Shah Massoud": the rank is held in the armed group)
            sector = titles[-1].sector
        elif titles and kind == "organisation" and sector in ("", "ELI") and country in ("IGO", "UNO", "EUR"):
            # an official of an international body the derived lexicon files as the body, with no sector or a
            # person's ELI ("NATO Secretary-General Javier Solana", "Secretary-General Dag Hammarskjold"): the
            # title before the name says the post
            sector, kind = titles[-1].sector, "person"
        elif kind == "person" and a.j - a.i > 1:
            # an alias that starts with a title ("prime minister ehud barak"): the title, as written, is the office
            st = a.i
            while st < a.j - 2 and (norms[st] in lex.countries or norms[st] == "'s"):
                st += 1  # "israeli prime minister ehud barak": skip the nationality
            own = _norm((a.name or "").lower()).split()
            for k in range(a.j - st - 1, 0, -1):
                title = lex.agent(norms[st : st + k])
                if own[:k] == norms[st : st + k]:
                    continue  # the person's own name begins with a role word ("Marine Le Pen"): no title
                if title and title[0] in _INSTITUTIONAL and not former:
                    sector = title[0]
                    break
        after = [m for m in agents_head if m.i >= a.j and m.sector]
        before = [m for m in agents_head if m.j <= a.i - 2 and m.sector]
        if a.akind == "person" and after and a.j < len(norms) and norms[a.j] == "'s":
            # "Laurent Kabila's rebels", "Aidid's militiamen": people of the person's side, not the person; a
            # generic head ("Putin's spokesman") speaks for the person and keeps the person's sector
            role = " ".join(norms[after[-1].i : after[-1].j])
            name, kind = None, "described"
            if role not in _GENERIC_HEADS:
                sector = _followers(sector if date else None, role, after[-1].sector)
        elif a.akind == "person" and before and norms[a.i - 2 : a.i] == ["loyal", "to"]:
            # "troops loyal to Kiir", "fighters loyal to Hemedti": the person's side, as "Kiir's troops" is
            role = " ".join(norms[before[-1].i : before[-1].j])
            name, kind = None, "described"
            sector = _followers(own_sector if date else None, role, before[-1].sector)
        elif a.akind == "person" and a.j == len(norms) - 1 and _singular(norms[a.j]) == "loyalist":
            # "Gaddafi loyalists": the leader's armed followers, not the leader
            name, kind, sector = None, "described", _followers(sector if date else None, "loyalist", "")
        if a.akind != "person" and after:
            role = " ".join(norms[after[-1].i : after[-1].j])
            if (
                (role not in _GENERIC_HEADS or not (sector or country == "NGO"))
                and not ((after[-1].sector == "UAF" or role in _SITE_HEADS) and sector)
                and not (after[-1].sector == "MIL" and sector in ("REB", "PRM"))
                and not (after[-1].sector == "REB" and sector in ("MIL", "PRM"))
                and not (_singular(role) == "operative" and sector and sector != "GOV")
                and not (after[-1].sector == "UNK" and sector)
                and not (after[-1].sector == "BUS" and sector == "JRN")
            ):  # ("an al-Shabaab suicide bomber": a named group's attacker is no unidentified one, UAF; "Hezbollah
                # forces", "RUF troops": an armed group's forces are the group, no state's military, and "Peshmerga
                # fighters", "PMF fighters" a state force's or militia's fighters no rebels; "Amotekun
                # operatives": a named body's operatives are its own people, no intelligence service's; "Hamas
                # men": a word that says no sector keeps the body's; "a CNN producer": a news outlet's producer
                # makes news, not goods)
                sector = after[-1].sector  # "Kyiv police", "Hezbollah fighters" -> the role noun
            # (a generic head keeps the body's own sector: "Taliban spokesman", "Red Cross officials")
            kind = "described"
        owned = [m for m in agents_head if m.sector]
        if a.akind != "person" and a.i > of_idx and owned:
            # "troops of the African Union mission", "officials of the World Bank": the role noun before "of"
            # says what they are, unless it is a generic post in a body with a sector of its own
            role = " ".join(norms[owned[-1].i : owned[-1].j])
            if role not in _GENERIC_HEADS or not sector:
                sector, kind = _head_sector(owned, norms), "described"
        led = " ".join(norms[a.j :]) in _LEADER_HEADS or (
            0 < of_idx < a.i and norms[of_idx - 1] in _LEADER_HEADS
        )
        if a.akind == "organisation" and led and _igo_head(country, sector):
            sector, kind = "GOV", "described"  # "the WHO chief", "the head of UNESCO": the body's official
        ruling = {"ruling", "governing"} & set(norms[max(0, a.i - 2) : a.i])
        if sector == "PTY" and a.akind == "organisation" and ruling and not former:
            sector = (
                "GOV"  # "the ruling ANC": a governing party is GOV (PLOVER manual), as "the ruling party" is
            )
        if (
            sector == "PTY"
            and a.akind == "organisation"
            and any(m.i < a.i and m.sector == "LEG" for m in agents_head)
        ):
            sector = "LEG"  # "congressional Republicans": a party's members of the legislature
        if not sector and country in ("IGO", "EUR", "UNO") and set(norms) & _GENERIC_HEADS:
            sector, kind = "GOV", "described"  # "EU leaders", "a spokesman for the UN": the body's officials
    else:
        if agents_head:
            sector = _head_sector(agents_head, norms)
        elif [m for m in tail if m.kind == "agent"]:
            sector = _head_sector([m for m in tail if m.kind == "agent"])
        owner = [m for m in tail if m.kind in ("actor", "seat", "agent") and m.sector]
        generic = (
            not agents_head or norms[agents_head[-1].j - 1] in _GENERIC_OWNED
        )  # "National Council of ..."
        if head and owner and owner[-1].sector != "GOV" and generic:
            # "President of the Chadian Human Rights League" -> the league's sector ("workers of a bus company"
            # stay workers)
            sector = owner[-1].sector
        elif agents_head and not owner and generic and _rights_body(toks[of_idx + 1 :]):
            # the head of an unlisted rights league or committee: civil society, not government
            sector = "SOC"
    if not actors and sector == "PTY" and {"ruling", "governing"} & set(norms) and not former:
        sector = "GOV"  # "Venezuela's ruling socialist party": a governing party is GOV, named or not
    if not sector and _rebel_name(toks):
        sector, kind = "REB", "organisation"  # "National Union for the Total Independence of Angola"
    if not sector and (named := _name_head(toks[:of_idx])):
        sector, kind = named, "organisation"  # "Kivuli Petroleum", "the Kivuli Times"
    elif not sector and not actors and _business_group(toks):
        # "Grupo Lala", "Groupe Bolloré": a business group by its first word
        sector, kind = "BUS", "organisation"
    elif not actors and sector in _RELIGIONS and _name_head(toks[:of_idx]) == "JRN":
        # "the Sikh Times", "The Buddhist Chronicle": a paper, not the faith
        sector, kind = "JRN", "organisation"
    if not country and not actors and not agents_head and head and all(m.kind == "country" for m in head):
        # "the Albanians of southern Serbia", "Kurds of Iraq": a people named by where it lives
        lives = [m for m in tail if m.country and m.kind in ("country", "capital", "city", "place")]
        if lives:
            country = lives[0].country
    if not country:
        for m in matches:
            if not m.country:
                continue
            if m.i > 0 and norms[m.i - 1] in _NOT_OWNER:
                continue
            if m.kind in ("place", "city") and not _place_in_role(m, matches, norms):
                continue  # a small town or province name inside an unknown name ("John Jackson") says nothing
            country = m.country
            generic_only = all(
                o is m
                or (o.kind == "agent" and not o.sector and " ".join(norms[o.i : o.j]) in _GENERIC_HEADS)
                for o in matches
            )  # "a Pentagon spokesman", "Kremlin officials": the seat's own people
            if m.kind in ("capital", "seat") and not sector and generic_only:
                sector = m.sector or "GOV"
                if len(matches) > 1:
                    kind = "described"  # someone speaking for it, not the body itself
                else:
                    if m.kind == "seat" and m.name:
                        name = m.name
                    kind = "organisation" if m.kind == "seat" else "country"
            elif (
                (m.kind == "city" or (m.kind == "country" and " ".join(norms[m.i : m.j]) in lex.city_aliases))
                and not sector
                and m.i == 0
                and m.j == len(toks)
            ):
                sector, kind = "CVL", "country"  # a city that is no seat of power: its people (NGEC practice)
            break
    if (
        not actors
        and not sector
        and len(matches) == 2
        and matches[0].kind == "country"
        and matches[1].kind == "seat"
        and matches[1].j == len(norms)
        and matches[1].i == matches[0].j + 1
        and norms[matches[0].j] == "'s"
    ):  # "Iran's Majlis", "Poland's Sejm": the country's own seat of power is the body it stands for
        sector, name, kind = matches[1].sector or "GOV", matches[1].name, "organisation"
    leads = ("leader", "leaders", "leadership")
    if (
        not actors
        and not sector
        and (
            (
                norms[-1] in leads
                and any(
                    m.kind == "country" and m.country and m.j == len(norms) - 1 - (norms[-2] == "'s")
                    for m in matches
                )
            )
            or (  # "the leaders of France": the same, the country after "of"
                of_idx == 1
                and norms[0] in leads
                and bool(tail)
                and all(m.kind == "country" and m.country for m in tail)
                and tail[-1].j == len(norms)
            )
        )
    ):
        sector, kind = "GOV", "described"  # "the North Korean leader": a country's leader is its government
    if not matches and kind != "organisation":
        kind = "person" if all(t[1][:1].isupper() for t in toks) else "unknown"
    elif not actors and not sector and country:
        kind = "country"
        only = matches[0]
        if len(matches) == 1 and only.j - only.i == len(toks):
            name = lex.country_names.get(country, name)
    # a ship is named after anyone ("HMS Queen Elizabeth"): its prefix wins over a person the name matches
    ship = len(toks) >= 2 and toks[1][1][:1].isupper() and ("prefix", norms[0]) in _facility_words()
    fac = (
        _facility(toks, [m for m in matches if m.kind != "actor"] if ship else matches)
        if not actors or ship
        else None
    )
    if fac is not None and ship:
        name, country, sector = None, fac[0] or country, fac[1] or sector
    if fac is not None:  # a base, an airport or a warship: no person, and not the country it stands in
        kind, country, sector = "organisation", country or fac[0], sector or fac[1]
    if not actors and sector == "MIL" and _democratic_forces(toks):
        # "Syrian Democratic Forces", "Allied Democratic Forces": no state army
        sector, kind = "REB", "organisation"
    if not country and not actors and sector in ("MIL", "") and _multinational(norms):
        country = "IGO"  # "a multinational force", "a regional peacekeeping force": troops of several states
    if not country and not actors and _treaty_body(toks):
        # "Southeast Asia Treaty Organization": states bound by a treaty
        country, kind = "IGO", "organisation"
    if not country and not actors and _transnational_body(toks):
        country = "NGO"  # "the Association of African Jurists", "the Third World Water Forum": no one state's
    if not actors and _for_human_rights(toks):
        # "Zimbabwe Lawyers for Human Rights": a rights group, whoever it unites
        sector, kind = "SOC", "organisation"
    states = (
        not actors
        and not country
        and norms[-1] in _STATE_NOUNS
        and (not sector or sector in _RELIGIONS)
        and not any(m.j == len(norms) and m.kind != "agent" for m in matches)  # not "the United States"
    )
    if states:
        sector, kind = "GOV", "described"  # "Arab states", "Muslim countries", "Western powers": governments
    regional = (
        kind == "described" and not country and _regional(" ".join(norms)) and sector not in _LOCAL_ARMED
    )
    if regional and not actors and not sector and norms[-1] in ("leader", "leaders"):
        sector = "GOV"  # "African leaders", "Arab leaders": the region's heads of state, no one state
    regional = regional or states  # several states: none of them is the sentence's
    if not country and not actors and _aid_body(norms):
        # "aid agencies", "relief groups": non-governmental, no one state's
        country, kind = "NGO", "described"
    # "foreign journalists", "foreign diplomats": from elsewhere than the sentence's place (not "foreign minister")
    foreign = norms[0] == "foreign" and not any(m.i == 0 for m in matches)
    regional = regional or foreign or country == "NGO"
    if not country and context and not regional:
        # ("Western diplomats", "Gulf Arab states": a regional construct names no state, whatever the sentence
        # names; the resolver reads documents the same way)
        # the mention's own words are no context: a person's name holding a place name ("Anne Hidalgo", Hidalgo
        # state) says no country, whether read in the mention or again in the sentence it stands in
        country = (_located_country(context, text, sector) if not actors else "") or _context_country(
            context.replace(text, " ") if text in context and text != context else context
        )
    if not country and not actors and sector in _INSTITUTIONAL:
        country = _office_country(" ".join(norms)) or ""  # "the Taoiseach": an office only one country has
    elif country and context and _ETHNIC & set(norms) and not actors:
        # an ethnic group: the country of the story it is in ("ethnic Albanians ... in Macedonia"), when named
        home = [c for c in _context_countries(context, places_first=True) if c != country]
        if home:
            country = home[0]
    if sector == "GOV" and country and _prosecuting_title(norms, country):
        # "Guatemala's attorney general": the head of the public prosecution there, not a minister
        sector = "JUD"
    if (
        former
        and not actors
        and sector == "GOV"
        and norms[-1] in ("party", "coalition")
        and {"ruling", "governing"} & set(norms)
    ):
        sector = "PTY"  # "the former ruling party": a party out of power now, no former official
    if not country and not actors and _eu_body(toks):
        country = "EUR"  # "the European Court of Auditors", "the president of the European Council": the EU's
    if not sector and not actors and _state_body(norms):
        sector, kind = (
            "GOV",
            "described",
        )  # "the national disaster management agency": a state body by its function
    if sector == "MIL" and not actors and _local_military_police(matches, norms, lex):
        sector = (
            "COP"  # "Rio's military police", "Bahia state military police": a state's police force, no army's
        )
    if former and sector in ("GOV", "MIL", "LEG", "JUD", "COP", "SPY", ""):
        sector = "ELI" if sector or kind in ("person", "described") else sector
    return name, country or None, sector or None, kind


# a leader's armed followers named by a noun that says only that they bear arms: the leader's side decides
_STATE_ARMED = {"troop", "soldier", "force", "army"}
_IRREGULAR_ARMED = {"fighter", "man", "gunman", "loyalist", "militiaman"}


def _followers(person: str | None, role: str, role_sector: str) -> str:
    """The sector of a person's armed followers ("Kadyrov's fighters", "soldiers loyal to Tchiani", "Prigozhin's
    men"): a rebel's, militia leader's or gang leader's followers are his kind; a state figure's in office (a ruler,
    a coup leader, an officer) troops, soldiers and forces are MIL, his fighters, gunmen, men and loyalists a militia
    (PRM); one out of office, or any with no date (whose office then is unknown), keeps the noun's sector. A noun
    that says more keeps its own ("Kabila's rebels")."""
    word = _singular(role.split()[-1]) if role else ""
    if word not in _STATE_ARMED | _IRREGULAR_ARMED:
        return role_sector
    if person in ("REB", "PRM", "CRM"):
        return person
    if person in ("GOV", "MIL", "COP", "SPY"):
        return "MIL" if word in _STATE_ARMED else "PRM"
    # out of office or undated (ELI, OPP, none): the noun's own sector ("Charles Taylor's fighters" REB); his
    # loyalists and gunmen, named by whom they follow, are no unidentified attackers but a militia
    return "PRM" if word in ("loyalist", "gunman") else role_sector


def _place_noun_title(matches: list[_Match], norms: list[str]) -> list[_Match]:
    """A place named with its place noun ("Turkana County") that opens a role phrase with the words after it ("county
    commissioner", "district police commander") gives the noun to the role: "the Turkana county commissioner" is the
    county's commissioner (GOV), not a county and a bare "commissioner"."""
    lex = _lex()
    out = list(matches)
    for k, m in enumerate(out):
        if m.kind == "agent" or m.j - m.i < 2 or norms[m.j - 1] not in _PLACE_NOUNS or m.j >= len(norms):
            continue
        if any(x.kind == "agent" and x.i == m.j for x in out):
            continue  # "Nakuru county police commander": the role is matched without the noun
        for n in (3, 2, 1):
            agent = lex.agent(norms[m.j - 1 : m.j + n]) if m.j + n <= len(norms) else None
            if agent is not None and agent[0]:
                out[k] = _Match(m.kind, m.i, m.j - 1, m.country, m.sector, m.sectors2, m.name, m.akind)
                rest = [x for x in out if x.i >= m.j + n or x.j <= m.i or x is out[k]]
                role = _Match("agent", m.j - 1, m.j + n, "", agent[0], agent[1])
                return sorted([*rest, role], key=lambda x: x.i)
    return out


def _local_military_police(matches: list[_Match], norms: list[str], lex: _Lexicon) -> bool:
    """The mention is the military police of a town, state or province ("Rio's military police", "Minas Gerais
    military police"), as Brazil's state police forces are called: a police force, not the army's police."""
    if norms[-2:] != ["military", "police"] or not matches or matches[-1].kind != "agent":
        return False
    places = [m for m in matches[:-1] if m.kind != "agent"]
    return bool(places) and all(
        m.kind in ("capital", "city", "place")
        or (m.kind == "country" and " ".join(norms[m.i : m.j]) in lex.city_aliases)
        for m in places
    )


def _namesake(key: str, country: str, akind: str, text: str, context: str | None) -> Any:
    """The listed body of another country that bears the same name or acronym as the one picked ("PDP" in Nigeria
    and Turkey, "UDA" in Kenya and Northern Ireland, "PTI" a Pakistani party and an Indian news agency), when the
    sentence names that country and not the picked one's; None otherwise."""
    if akind == "person" or not context or len(context) == 3:
        return None
    entries = [e for e in _lex().actors.get(key, ()) if e.rank == 0 and e.kind == akind and e.country]
    if len({e.country for e in entries}) < 2:
        return None
    named = _context_countries(context.replace(text, " ") if text in context and text != context else context)
    if country in named:
        return None
    return next((e for c in named for e in entries if e.country == c), None)


# head nouns of a state body named by its function ("the national disaster management agency", "the State Water
# Authority"), and the words that make it the state's
_STATE_BODY_HEADS = {"agency", "authority", "commission", "directorate", "administration", "bureau"}
_STATE_WORDS = {"national", "state", "federal"}


# the head words of the European Union's own institutions, after a capitalised "European" ("European Council",
# "European Court of Auditors", "European Ombudsman"); bodies of the Council of Europe or of other European states
# ("European Court of Human Rights", "European Space Agency") are listed as IGO and never reach this rule
_EU_HEADS = {"council", "commission", "parliament", "court", "ombudsman", "public", "central", "investment"}


def _eu_body(toks: list[tuple[str, str, int, int]]) -> bool:
    """An unlisted institution of the European Union by its capitalised name."""
    return any(
        toks[k][0] == "european"
        and toks[k][1][:1] == "E"
        and toks[k + 1][1][:1].isupper()
        and toks[k + 1][0] in _EU_HEADS
        for k in range(len(toks) - 1)
    )


def _state_body(norms: list[str]) -> bool:
    """An unlisted body of the state by its function: a state word, then a body head noun that ends the mention."""
    return len(norms) >= 3 and norms[-1] in _STATE_BODY_HEADS and bool(_STATE_WORDS & set(norms[:-2]))


def _turned(
    text: str, toks: list[tuple[str, str, int, int]], context: str | None, date: str | None
) -> tuple[str | None, str | None, str | None, str] | None:
    """ "a former rebel commander turned senator", "an ex-general turned governor": the role after "turned" is the
    one held now, the words before it (and their "former") the past; None when the mention is no such phrase (the
    part before "turned" must describe a role, not name anyone, and the part after must say a sector)."""
    norms = [t[0] for t in toks]
    k = next((k for k in range(1, len(norms) - 1) if norms[k] == "turned"), None)
    if k is None:
        return None
    past = _code(text[: toks[k][2]], context, date)
    if past[0] or past[3] != "described" or not past[2]:
        return None
    now = _code(text[toks[k + 1][2] :], context, date)
    if not now[2]:
        return None
    return now[0], now[1] or past[1], now[2], now[3]


_AID_WORDS = {"aid", "relief", "humanitarian"}
_AID_BODIES = {"agency", "group", "organisation", "organization"}


def _aid_body(norms: list[str]) -> bool:
    """The mention is an unnamed aid body ("aid agencies", "relief groups", "humanitarian organisations")."""
    return len(norms) >= 2 and norms[-2] in _AID_WORDS and _singular(norms[-1]) in _AID_BODIES


def _prosecuting_title(norms: list[str], country: str) -> bool:
    """The mention holds a title that names the head of the public prosecution in this country
    (data/actors/prosecutor_titles.tsv: "attorney general" in Latin America, Spain and Portugal)."""
    said = f" {' '.join(norms)} "
    return any(country in where and f" {title} " in said for title, where in _prosecutor_titles().items())


def _igo_head(country: str | None, sector: str | None) -> bool:
    """The head of this body is coded GOV: an international body (IGO, UN system, EU) working in a field (health,
    education, aid) or an alliance (NATO's secretary-general is a civilian), not a court, parliament or bank, whose
    heads keep its sector (the ICC's JUD, the European Parliament's LEG, the ECB's BUS)."""
    return country in ("IGO", "UNO", "EUR") and sector not in ("JUD", "LEG", "BUS")


def _for_human_rights(toks: list[tuple[str, str, int, int]]) -> bool:
    """A capitalised name ending "... for Human Rights" ("Lawyers for Human Rights", "Physicians for Human Rights")."""
    origs = [t[1] for t in toks]
    return (
        len(toks) >= 4
        and [t[0] for t in toks[-3:]] == ["for", "human", "rights"]
        and origs[-2][:1].isupper()
        and origs[-4][:1].isupper()
    )


# titles of members of a royal house: they say ELI of an unlisted prince, never unseat a listed one's office
_ROYAL_TITLES = {"prince", "princess"}


def _royal(words: list[str]) -> bool:
    return " ".join(words) in _ROYAL_TITLES


# kin nouns: a relative of an official is no official but (PLOVER) an elite, ELI
_KIN = {"son", "daughter", "wife", "husband", "widow", "widower", "brother", "sister", "nephew", "niece", "cousin",
        "family", "mother", "father", "son-in-law", "daughter-in-law", "brother-in-law", "relative", "grandson",
        "granddaughter", "uncle", "aunt", "stepson", "stepdaughter"}  # fmt: skip


_OFFICIALS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI"}


def _kin_of(
    text: str, toks: list[tuple[str, str, int, int]], context: str | None, date: str | None
) -> tuple[str | None, str | None, str | None, str] | None:
    """A relative of an official ("Putin's daughter", "the wife of the prime minister") -> (None, the official's
    country, ELI, "described"); None when the mention is no such phrase."""
    norms = [t[0] for t in toks]
    if len(norms) >= 3 and _singular(norms[-1]) in _KIN and norms[-2] == "'s" and toks[-1][1].islower():
        owner = text[: toks[-2][2]]
    elif len(norms) >= 3 and _singular(norms[0]) in _KIN and norms[1] == "of" and toks[0][1].islower():
        owner = text[toks[2][2] :]
    else:
        return None
    _, country, sector, _ = _code_cached(owner, context, date)
    if sector not in _OFFICIALS:
        return None
    return None, country, "ELI", "described"


# words that end the title phrase before a name in a sentence ("... said that Nigerian lawyer X"): the title starts
# after the last of them
_CLAUSE_WORDS = {"by", "that", "said", "says", "told", "to", "with", "and", "or", "when", "as", "after", "before",
                 "from", "for", "on", "in", "at", "while", "of", "was", "is", "were", "has", "had", "have", "who",
                 "which", "where", "than", "about", "against", "between", "met", "called", "but", "if", "because",
                 "whom", "whose", "did", "does", "will", "would", "could", "also", "then", "since", "over"}  # fmt: skip
_CLAUSE_MARKS = '.!?;:,"()\u201c\u201d'


def _titled_span(text: str, context: str) -> str | None:
    """The words a sentence puts before a person named by this mention: the title and the full name of its first
    mention ("Nigerian human rights lawyer Femi Falana" for "Falana" in "Nigerian human rights lawyer Femi Falana
    filed the suit. Falana said ..."), from the start of its clause; None when the sentence adds nothing."""
    toks = _tok(text)
    if not toks or len(toks) > 4 or not all(t[1][:1].isupper() or t[0] in _NAME_JOINERS for t in toks):
        return None
    hits = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(text)}(?![\w-])", context)]
    if not hits:
        return None
    if len(toks) == 1:
        # a surname: its first mention after a given name ("Femi Falana"), else its first mention
        named = [h for h in hits if re.search(r"[A-Z][\w'-]*\s+$", context[:h])]
        hits = named or hits
    start = hits[0]
    before = context[:start]
    cut = max(before.rfind(c) for c in _CLAUSE_MARKS)
    words = before[cut + 1 :].split()
    k = max((n + 1 for n, w in enumerate(words) if w.lower() in _CLAUSE_WORDS), default=0)
    words = words[k:][-7:]
    if not words:
        return None
    return " ".join([*words, text])


def _with_title(
    text: str, context: str | None, date: str | None, got: tuple[str | None, str | None, str | None, str]
) -> tuple[str | None, str | None, str | None, str]:
    """A person the mention names without a post (an unknown one, or a listed one by a surname another person of the
    sentence bears) takes the title the sentence gives the first mention of the name ("Pakistani Supreme Court lawyer
    Imran Qureshi ... Qureshi said"), as does a town's name the sentence gives a person first: the mention is coded
    again with those words before it."""
    if not context or len(context) <= 3:
        return got
    # a one-word town's name the sentence gives a person first ("Zambian lawmaker Given Banda ... Banda said"): the
    # town's people (CVL) are no reading of it when an unknown given name stands before its first mention
    town = got[3] == "country" and got[2] == "CVL" and len(_tok(text)) == 1
    if not town and (got[3] != "person" or (got[2] and len(_tok(text)) > 1)):
        return got
    span = _titled_span(text, context)
    if span is None:
        return got
    wide = _code(span, context, date)
    if town:
        words = span.split()
        lex = _lex()
        given = _norm(words[-2].lower()) if len(words) >= 2 else ""
        if (
            not (words[-2][:1].isupper() and words[-2].isalpha() and given not in lex.countries)
            or not wide[2]
        ):
            return got
        return wide[0], wide[1] or got[1], wide[2], "person"
    if got[2]:
        # a listed person by surname stays himself unless the sentence names another one in full: the given name
        # before the surname is none of his ("Imran Qureshi" is not Shah Mahmood Qureshi)
        words = span.split()
        given = _norm(words[-2].lower()) if len(words) >= 2 and words[-2][:1].isupper() else ""
        if not given or given in _norm((got[0] or "").lower()).split() or wide[0] == got[0] or not wide[2]:
            return got
    if not wide[2] and not (got[2] and wide[0]):
        return got
    return wide[0], wide[1] or got[1], wide[2], "person"


@lru_cache(maxsize=65536)
def _code_cached(
    text: str, context: str | None, date: str | None
) -> tuple[str | None, str | None, str | None, str]:
    got = _code(text, context, date)
    got = _with_apposition(text, context, date, _with_title(text, context, date, got))
    if not got[0] and not got[2] and _poll_body(text, context):
        return None, got[1], "GOV", "organisation"  # "The ECN postponed the vote": the election commission
    return _read_in_sentence(text, context, date, got)


def _read_in_sentence(
    text: str, context: str | None, date: str | None, got: tuple[str | None, str | None, str | None, str]
) -> tuple[str | None, str | None, str | None, str]:
    """Names whose reading the sentence decides (see `_context`): a party name many countries' parties bear ("the
    Social Democrats" in Denmark), an acronym that names the election commission in a sentence about an election
    ("the EC" in Ghana), a lone surname several people or a place share ("Santos" in Colombia), a government named by
    a family several leaders of one state share ("the Sharif government")."""
    if got[3] == "organisation" and got[0] and got[2] in ("PTY", "GOV", "OPP"):
        own = _norm(got[0].lower()).split()
        listed = got[1] if all(any(o.startswith(w.rstrip("s")) for o in own) for w in _norm(text.lower()).split()
                               if w != "the") else None  # fmt: skip
    else:
        listed = None
    # (a name no list files, "the Communist Party", keeps the country the sentence gave it)
    party = _generic_party(text, context, listed or (got[1] if got[0] is None else None))
    if party is not None:
        return (got[0] if listed and party[0] == listed else None), party[0], party[1], "organisation"
    poll = _poll_acronym(text, context, got[1])
    if poll is not None:  # "The EC declared Akufo-Addo the winner": Ghana's commission
        return None, poll[0], "GOV", "organisation"
    person = _surname_read(text, context, date, got)
    if person is not None:
        return person
    if not (got[0] and got[2] == "GOV"):  # (not a listed leader's: "the Modi government" is Modi's)
        family = _family_government(text, context, date)
        if family is not None:
            return None, family, "GOV", "described"
    return got


def _with_apposition(
    text: str, context: str | None, date: str | None, got: tuple[str | None, str | None, str | None, str]
) -> tuple[str | None, str | None, str | None, str]:
    """What the sentence says of a name beyond its words: a body of two states named by a hyphenated pair (the
    first state's, with its body noun's sector: "the joint Sudan-South Sudan committee" SDN GOV), and the role an
    apposition gives a name no list codes ("Joseph Kamau, a Kenyan police spokesman," KEN COP) or gives a listed
    person of another country ("Carlos Mendoza, a Honduran businessman," is not the listed Ecuadorian)."""
    if got[0] is None:
        two = _two_states(text)
        if two is not None:
            return None, two[0], two[1], "organisation"
    if got[3] == "country" and got[1] and not got[2] and (people := _diaspora(text)):
        if _code(people, None, date)[1] == got[1]:
            return got[0], got[1], "CVL", "described"  # "Eritreans in Israel": a people abroad, its civilians
    toks = _tok(text)
    if not toks or not all(
        t[1][:1].isupper() or t[0] in _NAME_JOINERS for t in toks if t[0] not in _ARTICLES
    ):
        return got
    if got[3] == "country":
        return got  # a place or people named ("Lagos, the commercial capital,")
    role = _apposed_role(text, context)
    if role is None:
        return got
    coded = _code(role, context, date)
    if coded[2] in (None, "", "UNK") or (
        coded[0] and coded[3] == "country" and not _code(role, None, date)[2]
    ):
        # (a role that says nothing of what the person does, "the Christian woman", is none)
        return got
    own = _code(role, None, date)[1]
    if got[0] and got[2]:
        if not own or own == got[1]:
            return got  # the listed person, described
        return None, own, coded[2], "person"
    return got[0], own or got[1] or coded[1], coded[2], got[3] if got[3] != "unknown" else "person"


def code_actor(text: str, context: str | None = None, *, date: str | None = None) -> Actor:
    """Context-free coding of a mention string: canonical name, country (ISO alpha-3 or PLOVER group code),
    PLOVER sector and kind. `context` (e.g. "Somalia", or a code, "SOM") supplies a country when the mention has
    none; `date` (ISO) picks the office a person held then (default: the current one). Offsets are 0..len(text)."""
    name, country, sector, kind = _code_cached(text, context, date[:10] if date else None)
    return Actor(text=text, start=0, end=len(text), name=name, country=country, sector=sector, kind=kind)


# prepositions that put something in a town ("police in Homa Bay"): a town named so counts as a country name
_IN_TOWN = {"in", "inside", "near", "across", "throughout", "within", "around"}


def _town_weight(lex: _Lexicon, text: str, ent: Any, n: str) -> tuple[str, int] | None:
    """A town or province the lexicon places in one country ("Homa Bay", "Kisumu") as a hint of the story's
    country: half a country name, a whole one where the text puts something there ("in Homa Bay"), so that one
    passing mention does not outweigh a country named. A name two countries share ("Busia") is in no table."""
    c = lex.cities.get(n) or lex.places.get(n)
    if not c:
        return None
    before = text[max(0, ent.start - 12) : ent.start].split()
    return c, 2 if before and before[-1].lower() in _IN_TOWN else 1


def _longer_place(doc: Any, start: int, end: int, country: str) -> bool:
    """The place matched at [start, end) is only the first words of a longer name the parse found, which does not
    code to the same country ("Beni Ounif", a town in Algeria, is not Beni in Congo)."""
    for ent in doc.entities:
        if ent.start <= start and ent.end > end and ent.label in ("GPE", "LOC", "FAC"):
            if not doc.text[end : ent.end].strip()[:1].isupper():
                return False  # ("Kenya's eastern region": the name ends where the match does)
            return _code_cached(ent.text, None, (doc.published or "")[:10] or None)[1] != country
    return False


def _pair_of_officials(words: list[str], sector: str | None) -> bool:
    """ "the two ministers", "both presidents": a pair the text named before, of two countries, so no one country --
    not the host of their meeting nor the story's."""
    return sector in ("GOV", "LEG") and (words[:2] == ["the", "two"] or words[:1] == ["both"])
