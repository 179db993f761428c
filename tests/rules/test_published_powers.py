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


def test_blocking_a_platform_or_named_content_by_a_non_judicial_body_is_executive_blocking() -> None:
    platform = (
        "Section 4. Blocking\nThe Authority may direct a service provider to block access to "
        "a platform.\n"
    )
    assert fired_on("CO08", platform) == ["block access to a platform"]
    by_court = platform.replace("The Authority may direct", "The High Court may order")
    assert findings("CO08", by_court) == []


def test_removal_orders_of_a_judicial_or_administrative_authority_need_no_court() -> None:
    text = (
        "Article 3\nRemoval orders\n1. The competent authority of each Member State may issue a "
        "removal order requiring a hosting service provider to remove terrorist content.\n"
        "2. Each Member State shall designate the competent authority, which may be a judicial "
        "or an administrative authority.\n"
    )
    assert fired_on("CO08", text) == ["remove terrorist content"]
    judicial = text.replace("The competent authority of each Member State", "A court")
    assert findings("CO08", judicial) == []
