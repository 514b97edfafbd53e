"""Extraction faults the merge corpora found (session 13, issues #3/#7; report_merge.md). Each kind is a general
rule tested on at least two wordings of our own (not the corpora's sentences)."""

from __future__ import annotations

from events_helpers import helpers_for, processed_events

_events, _types, _of = helpers_for("2024-03-14")


def _evs(text: str) -> list:
    return processed_events(text, "2024-03-14")


def _one(text: str, event: str):
    found = [e for e in _evs(text) if e.event == event]
    assert found, (text, [(e.event, e.event_text) for e in _evs(text)])
    return found[0]


# a force going home is a withdrawal
def test_force_going_home_is_retreat() -> None:
    e = _one("A group of 40 marines will fly home next week, the ministry said.", "RETREAT")
    assert e.factuality == "future"
    e = _one("Spain's contingent of military advisers is due to go home in June.", "RETREAT")
    assert e.factuality == "future"
    _one("The last French troops went home from Mali on Tuesday.", "RETREAT")


def test_people_going_home_is_no_retreat() -> None:
    assert "RETREAT" not in _types("Many shoppers went home early because of the rain.")
    assert "ASSAULT" not in _types("Firefighters hosed down the burning warehouse on Monday.")


# water cannon as a verb or a noun (hosing down, turning hoses on, water-cannoning) is ASSAULT crowd-control
def test_hosing_is_crowd_control_assault() -> None:
    for text in (
        "Chinese ships hosed down a Vietnamese fishing boat near the Paracels on Monday.",
        "Police turned their hoses on students marching in Jakarta on Friday.",
        "Riot police hosed down protesters in Minsk on Sunday.",
        "Chinese coast guard cutters hosed down a Vietnamese supply mission near the atoll on Friday.",
    ):
        e = _one(text, "ASSAULT")
        assert e.mode == "crowd-control", text


def test_water_cannoning_noun_is_assault_not_retreat() -> None:
    for text in (
        "The water-cannoning of a fishing boat near the reef yesterday left three crew members in hospital.",
        "Tuesday's water-cannoning of a Philippine supply boat left two sailors in hospital.",
    ):
        types = _types(text)
        assert "ASSAULT" in types and "RETREAT" not in types, (text, types)


# the arrival of a force is MOBILIZE, also when the sentence says what it meant
def test_arrival_of_force_is_mobilize() -> None:
    for text in (
        "The arrival of the American carrier group on Tuesday was meant as a message to Beijing.",
        "The arrival of two French frigates on Monday was a signal to Moscow after last week's incident.",
    ):
        types = _types(text)
        assert "MOBILIZE" in types and "ASSAULT" not in types, (text, types)


# a dated protest noun named as the object of "follows"/"comes after" is a protest report; a "where" clause on
# its own place counts its crowd (not "Hopes rose in Arauca, where the attack killed nine": another scene)
def test_dated_protest_noun_is_protest() -> None:
    for text in (
        "It follows Thursday's protest at the Chinese embassy in Manila, where more than 1,500 people turned out.",
        "This comes after Sunday's demonstration outside the US embassy in Seoul, where about 3,000 people gathered.",
    ):
        e = _one(text, "PROTEST")
        # the "where" clause on the place the protest noun names tells its crowd
        assert any(s.unit == "people" and s.min >= 1500 for s in e.size), (text, e.size)


# a weapon's "anti-X" modifier is not its unit
def test_anti_modifier_is_not_the_unit() -> None:
    e = _one("Houthi rebels fired two anti-ship missiles at a tanker in the Red Sea on Sunday.", "ASSAULT")
    assert all(s.unit != "ships" for s in e.size), e.size
    e = _one("Rebels launched three anti-tank rockets at the convoy on Monday.", "ASSAULT")
    assert all(s.unit != "vehicles" for s in e.size), e.size


# people wounded in a passive clause are counted as injured
def test_passive_injured_kind() -> None:
    for text in (
        "Five crew members on the tanker were injured in the attack.",
        "Three sailors aboard the boat were wounded when the ship was hit.",
    ):
        e = _one(text, "ASSAULT")
        assert any(s.kind == "injured" for s in e.size), (text, e.size)


# hostages let go by their captors are released
def test_let_go_is_release() -> None:
    for text in (
        "The two nurses were let go by their kidnappers on Friday.",
        "The gang let go of the hostages after a ransom was paid.",
    ):
        e = _one(text, "RETREAT")
        assert e.mode == "release", text


# hostages still held are no arrests; abducted people in a search's purpose are not the deployment's size
def test_hostages_held_are_not_arrests() -> None:
    for text in (
        "About 800 people marched in Montreal on Saturday to demand the release of the five Canadians still held in Haiti.",
        "Hundreds rallied in Paris on Sunday for the three French engineers held hostage in Niger.",
    ):
        for e in _evs(text):
            assert all(s.kind != "arrested" for s in e.size), (text, e.event, e.size)


def test_abducted_people_are_not_deployment_size() -> None:
    for text in (
        "The police deployed 200 officers to the town on Tuesday to search for seven kidnapped aid workers.",
        "Troops were sent to the region on Monday to find the 12 abducted students.",
    ):
        e = _one(text, "MOBILIZE")
        assert all(s.text.split()[-1] not in ("workers", "students") for s in e.size), (text, e.size)


# a denied capture is dated by the participle that restates it on the captive, not by the day of the denial
def test_denied_capture_dated_by_its_restating_participle() -> None:
    e = _one(
        "The militia denied on Friday that it had abducted the engineers seized near Gao on Tuesday.",
        "ASSAULT",
    )
    assert e.factuality == "denied" and e.date.value == "2024-03-12", e.date
    e = _one(
        "The gang on Thursday denied that it had kidnapped the priest taken from his church on Monday.",
        "ASSAULT",
    )
    assert e.date.value == "2024-03-11", e.date
    # the event's own day still wins over the restated one
    e = _one("Police on Monday arrested the suspect seized by villagers on Saturday.", "COERCE")
    assert e.date.value == "2024-03-11", e.date


# "never found where the hostages were held": an indirect question, no capture; the deployment stays
def test_captivity_asked_is_no_event() -> None:
    for text in (
        "The police answered by deploying some 200 officers to the town the next day, but they never found where the "
        "hostages were held.",
        "The army responded by sending 300 troops to the valley on Monday, but soldiers never learned where the "
        "captives were kept.",
    ):
        assert _types(text) == {"MOBILIZE"}, (text, _types(text))
    assert "ASSAULT" in _types("Five hostages were held in a house near the border.")


# a number in an "in which / where" clause of the event noun counts that event
def test_in_which_clause_counts_the_event() -> None:
    for text, n in (
        (
            "Venezuela on Thursday denied that its soldiers took part in a clash on Wednesday in which Guyana said two "
            "of its soldiers were killed.",
            2,
        ),
        (
            "Moscow denied on Friday that its troops carried out an ambush on Tuesday in which Kyiv said four of its "
            "civilians were killed.",
            4,
        ),
    ):
        e = _one(text, "ASSAULT")
        assert any(s.min == n and s.kind == "dead" for s in e.size), (text, e.size)
    # the parser may hang the clause on the event's own day ("... near the border on Tuesday in which ...")
    e = _one(
        "Moscow denied on Friday that its troops carried out an ambush near the border on Tuesday in which Kyiv "
        "said four of its civilians were killed.",
        "ASSAULT",
    )
    assert any(s.min == 4 and s.kind == "dead" for s in e.size), e.size


# two coordinated acts of one type, each dated on its own day, are two events
def test_coordinated_acts_on_different_days_are_two_events() -> None:
    evs = [
        e
        for e in _evs("The rebels released three prisoners on Monday and freed four more on Thursday.")
        if e.event == "RETREAT"
    ]
    assert sorted(e.date.value for e in evs) == ["2024-03-11", "2024-03-14"], [e.date for e in evs]
    evs = _of("Troops shelled the town on Monday and bombed it again on Wednesday.", "ASSAULT")
    assert len(evs) == 2
    # one day for both: one event
    assert len(_of("Police beat and kicked the protesters on Friday.", "ASSAULT")) <= 1


def test_passive_arrest_kind_and_colleagues_unit() -> None:
    e = _one("Three colleagues of the journalist were arrested in Minsk on Friday.", "COERCE")
    assert any(s.min == 3 and s.kind == "arrested" for s in e.size), e.size
    e = _one(
        "We are overjoyed that two of our colleagues were released by their captors yesterday.", "RETREAT"
    )
    assert any(s.min == 2 and s.unit == "people" for s in e.size), e.size
