"""More shapes of published surveillance and content laws that the rules must read as courts and
expert bodies did: compelled disclosure of traffic data, blocking of "information", orders issued
by administrative authorities, gags on the person concerned, and retention duties with a term."""

from __future__ import annotations

from tests.rules.safeguard_helpers import fired_on, findings


def test_compelled_disclosure_of_traffic_data_is_access_to_stored_data() -> None:
    text = (
        "Section 1. Disclosure\nA police officer may require a provider to disclose stored "
        "traffic data.\n"
    )
    assert fired_on("JR02", text) == ["disclose stored traffic data"]
    waived = text.replace("may require", "may, without a warrant, require")
    assert fired_on("JR02", waived) == ["without a warrant"]
    ordered = text.replace("A police officer may", "On an order of a judge, a police officer may")
    assert findings("JR02", ordered) == []
    subscriber = text.replace("stored traffic data", "the name and address of a subscriber")
    assert findings("JR02", subscriber) == []
