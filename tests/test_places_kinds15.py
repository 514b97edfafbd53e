"""Issue 6, places, fifteenth round (batch 17, `places_own_s14.jsonl`: full-length web news with many places): a bare
name beside the Spanish "Ciudad X" / "Ciudad de X" is the region the city is named for, an apposition that calls
a place a town makes it a settlement rather than the country of that name, the region holding many of the text's
places outweighs one that two ambiguous names hold up for each other, and data rows for a metonym (Malacañang)
and a region's short name (the Cordillera). Sentences are our own writing; resolution tests pass the names (gold
style, no spaCy) so they are fast."""

from __future__ import annotations

from places_helpers import km_from, places_by_text


def test_a_bare_name_beside_ciudad_x_is_the_region() -> None:
    text = (
        "Troops reached Ciudad Bolívar on Monday, and the governor of Bolívar said mines near Tumeremo had "
        "reopened."
    )
    got = places_by_text(text, ["Ciudad Bolívar", "Bolívar", "Tumeremo"])
    assert got["Bolívar"].country == "VEN" and got["Bolívar"].feature == "admin", got["Bolívar"]
    assert got["Ciudad Bolívar"].feature == "city", got["Ciudad Bolívar"]
    text = (
        "Wine exports from Mendoza fell, the chamber in Ciudad de Mendoza said, as growers in San Rafael waited "
        "for rain."
    )
    got = places_by_text(text, ["Mendoza", "Ciudad de Mendoza", "San Rafael"])
    assert got["Mendoza"].country == "ARG" and got["Mendoza"].feature == "admin", got["Mendoza"]


def test_a_bare_name_beside_ciudad_x_stays_the_city_when_no_region_has_the_name() -> None:
    text = (
        "Buses left Ciudad Juárez for El Paso at dawn, and the mayor of Juárez said the border stayed open."
    )
    got = places_by_text(text, ["Ciudad Juárez", "El Paso", "Juárez"])
    assert got["Juárez"].country == "MEX" and got["Juárez"].feature == "city", got["Juárez"]
    assert km_from(got["Juárez"], 31.72, -106.46) < 30, got["Juárez"]


def test_an_apposition_calling_the_place_a_town_makes_it_a_settlement() -> None:
    text = "Police said Lebanon, a small town in the hills, had never seen such a crime, and officers from Hanover helped."
    got = places_by_text(text, ["Lebanon", "Hanover"])
    assert got["Lebanon"].country == "USA" and got["Lebanon"].feature == "city", got["Lebanon"]
    text = "Jordan, a farming town of 6,000 people, voted to keep its school, the Shakopee paper said."
    got = places_by_text(text, ["Jordan", "Shakopee"])
    assert got["Jordan"].country == "USA" and got["Jordan"].feature == "city", got["Jordan"]
    text = "Voters in Peru, a small railroad town north of Kokomo, approved the levy."
    got = places_by_text(text, ["Peru", "Kokomo"])
    assert got["Peru"].country == "USA" and got["Peru"].feature == "city", got["Peru"]


def test_an_apposition_makes_a_curated_hill_town_of_a_gulf_states_namesake() -> None:
    text = (
        "Floods cut off Bahrain, a small resort village above Madyan, and hotels in Kalam ran short of fuel."
    )
    got = places_by_text(text, ["Bahrain", "Madyan", "Kalam"])
    assert got["Bahrain"].country == "PAK" and got["Bahrain"].feature == "city", got["Bahrain"]
    assert got["Kalam"].country == "PAK", got["Kalam"]


def test_an_apposition_that_calls_it_a_country_keeps_the_country() -> None:
    text = "Lebanon, a country of six million people, asked donors for help, officials in Beirut said."
    got = places_by_text(text, ["Lebanon", "Beirut"])
    assert got["Lebanon"].country == "LBN" and got["Lebanon"].feature == "country", got["Lebanon"]


def test_the_presidential_palace_as_a_metonym_is_in_manila() -> None:
    for text, other in (
        (
            "Malacañang rejected the senators' report on Monday, and officials in Davao said the mayor agreed.",
            "Davao",
        ),
        ("The palace spokesman said Malacañang would not comment on the arrests in Cebu.", "Cebu"),
    ):
        palace = places_by_text(text, ["Malacañang", other])["Malacañang"]
        assert palace.country == "PHL" and km_from(palace, 14.59, 120.99) < 20, palace


def test_the_cordillera_in_philippine_news_is_the_administrative_region() -> None:
    for text, names in (
        (
            "Miners in the Cordillera were buried by landslides, and rescuers from Baguio dug through the night.",
            ["Cordillera", "Baguio"],
        ),
        (
            "Rice terraces across the Cordillera were damaged, the agriculture office in Tabuk said, as Kalinga "
            "farmers counted losses.",
            ["Cordillera", "Tabuk", "Kalinga"],
        ),
    ):
        region = places_by_text(text, names)["Cordillera"]
        assert region.country == "PHL" and km_from(region, 17.0, 120.9) < 100, region


def test_the_region_of_many_named_places_outweighs_a_pair_of_ambiguous_names_elsewhere() -> None:
    # "Argelia" and "Nariño" are also neighbouring towns of Antioquia; the story's towns are all in Cauca
    for text, names in (
        (
            "Guards in Toribío, Caldono, Jambaló and Corinto met in Santander de Quilichao, the Popayán governor "
            "said, after killings in Argelia and Nariño.",
            [
                "Toribío",
                "Caldono",
                "Jambaló",
                "Corinto",
                "Santander de Quilichao",
                "Popayán",
                "Argelia",
                "Nariño",
            ],
        ),
        (
            "Teachers from Toribío, Caldono and Silvia marched to Popayán, and more joined in Piendamó before news "
            "came of a massacre in Argelia and Nariño.",
            ["Toribío", "Caldono", "Silvia", "Popayán", "Piendamó", "Argelia", "Nariño"],
        ),
    ):
        argelia = places_by_text(text, names)["Argelia"]
        assert argelia.country == "COL" and km_from(argelia, 2.26, -77.25) < 50, argelia


def test_a_big_city_found_by_an_alternate_name_gets_no_pull_from_names_near_it() -> None:
    # GeoNames also lists Taguig, in Metro Manila, as "Santa Ana"; the names of the capital around it must not pull
    # the name away from the town of that very name where the story's other places lie (Cagayan)
    for text, names in (
        (
            "Storm surge flooded Santa Ana and Gonzaga on the northeast coast, farmers in Tuguegarao lost their "
            "corn, and in Manila and Pasig schools stayed shut.",
            ["Santa Ana", "Gonzaga", "Tuguegarao", "Manila", "Pasig"],
        ),
        (
            "Fishing boats stayed in port at Santa Ana and Aparri, the coast guard in Manila said, and Quezon City "
            "sent relief goods.",
            ["Santa Ana", "Aparri", "Manila", "Quezon City"],
        ),
    ):
        town = places_by_text(text, names)["Santa Ana"]
        assert town.country == "PHL" and km_from(town, 18.47, 122.15) < 50, town
