from __future__ import annotations

from dateline.dedupe import NearDuplicates, jaccard, shingles

STORY = (
    "Britain has moved non-essential personnel from Baghdad to Camp Taji, the Ministry of Defence said on "
    "Tuesday, as tensions rose after the strike. Around 400 British troops are based in Iraq, most of them "
    "training Iraqi security forces. The Defence Secretary said the safety of personnel was the priority and "
    "that the deployment would be kept under review. Officials declined to say how many had been moved."
)


def test_near_duplicate_with_other_footer_is_linked():
    nd = NearDuplicates()
    first, _, _ = nd.check("a", STORY)
    assert first is None
    dup, sim, sig = nd.check(
        "b", STORY + " This article first appeared on another site. Republished with permission."
    )
    assert dup == "a" and sim >= 0.8 and len(sig) == 64 * 8


def test_different_story_is_not_linked():
    nd = NearDuplicates()
    nd.check("a", STORY)
    other = (
        "Iran fired more than a dozen ballistic missiles at two bases housing US forces in Iraq overnight. "
        * 3
    )
    assert nd.check("b", other)[0] is None


def test_signatures_survive_a_restart():
    nd = NearDuplicates()
    _, _, sig = nd.check("a", STORY)
    again = NearDuplicates()
    again.load([("a", sig)])
    dup, sim, _ = again.check("b", STORY + " Share this.", fetch_text=lambda i: STORY if i == "a" else None)
    assert dup == "a" and sim > 0.9


def test_jaccard_verification_rejects_lsh_false_positives():
    a, b = shingles("one two three four five six"), shingles("one two three four five seven")
    assert 0 < jaccard(a, b) < 0.8
