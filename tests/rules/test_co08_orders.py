"""CO08: who orders a take-down — any orderer but a court blocks without one."""

from __future__ import annotations

import pytest

from tests.rules.sc_co_dp_ic_helpers import labels, run


@pytest.mark.parametrize(
    "orderer",
    [
        "The federal executive body",
        "The Supervisory Service for Communications",
        "The Head of the Press Office",
    ],
)
def test_an_orderer_no_lexicon_names_still_orders_without_a_court(orderer: str) -> None:
    text = f"4. Orders.\n{orderer} may order any operator to block access to any website.\n"
    (found,) = run("CO08", text)
    assert orderer.lower()[1:] in found.message.lower()
    judged = text.replace(orderer, "The district court")
    assert run("CO08", judged) == []


def test_a_pronoun_orders_for_the_body_its_sentence_names() -> None:
    text = (
        "4. Orders.\nWhere the Bureau is satisfied that a post is unlawful, it may direct the "
        "platform to remove the post.\n"
    )
    (found,) = run("CO08", text)
    assert "the Bureau" in found.message
    judged = text.replace("the Bureau is", "the High Court is")
    assert run("CO08", judged) == []


def test_a_court_that_directs_an_officer_to_remove_orders_itself() -> None:
    text = (
        "6. Removal.\nWhere a judge finds that material posted online is defamatory, the judge "
        "may direct a police officer to remove the material.\n"
    )
    assert run("CO08", text) == []
    by_police = text.replace("the judge may direct", "the inspector may direct")
    assert labels("CO08", by_police) == {"Section 6"}


def test_a_judge_ordering_on_an_officials_application_is_judged() -> None:
    text = (
        "6. Removal.\nA judge may, on the application of the Commissioner, order a host to "
        "take down the content posted online.\n"
    )
    assert run("CO08", text) == []
    reversed_roles = (
        "6. Removal.\nThe Commissioner may, after consulting a judge, order a host to take "
        "down the content posted online.\n"
    )
    assert labels("CO08", reversed_roles) == {"Section 6"}


def test_an_owner_who_removes_content_and_then_tells_the_regulator_is_ordered_by_no_one() -> None:
    text = (
        "7. Restoration.\nThe operator of the website may, after deleting the information, "
        "inform the regulator, which shall decide whether the website is to be restored.\n"
    )
    assert run("CO08", text) == []
    by_regulator = (
        "7. Restoration.\nThe regulator may, after deleting the information, inform the "
        "operator of the website, which may ask for the website to be restored.\n"
    )
    assert labels("CO08", by_regulator) == {"Section 7"}


@pytest.mark.parametrize(
    "notice",
    [
        "upon notification by the Commission",
        "within one day of a request of the cyber unit of the Interior Ministry",
        "on being notified by any user or the Commission",
    ],
)
def test_a_providers_duty_to_remove_on_a_public_bodys_notice_is_an_order(notice: str) -> None:
    text = f"8. Duties.\nA platform shall remove the posts published online {notice}.\n"
    assert labels("CO08", text) == {"Section 8"}
    by_user = text.replace(notice, "upon notification by any user")
    assert run("CO08", by_user) == []


def test_a_court_order_beside_a_ministers_notice_does_not_cover_the_notice() -> None:
    text = (
        "8. Duties.\nA platform shall remove the posts published online within a day of an "
        "order of the court.\n"
    )
    assert run("CO08", text) == []
    both = text.replace("of the court", "of the court or a notice from the Minister")
    assert labels("CO08", both) == {"Section 8"}


HEARD = (
    "7. Removal orders\n(1) The Secretary may order a host to take down specified content "
    "published online, identified by its address.\n(2) The host and the author shall be heard "
    "before the order is made, unless the tribunal is satisfied that a hearing would defeat its "
    "purpose, in which case they shall be heard within five days after the order is made.\n"
)


def test_a_court_that_only_hears_the_parties_late_confirms_no_executive_order() -> None:
    assert labels("CO08", HEARD) == {"Section 7(1)"}
    confirmed = HEARD.replace(
        "they shall be heard within five days after the order is made",
        "the order shall lapse unless the tribunal confirms it within five days after it is made",
    )
    assert run("CO08", confirmed) == []


@pytest.mark.parametrize(
    ("order", "court"),
    [
        (
            "The Bureau may order a host to remove, or disable access to, any unlawful post.",
            "The Bureau may apply to a judge for an order to remove, or disable access to, any "
            "unlawful post.",
        ),
        (
            "The Prosecutor may order the blocking of the platform.",
            "The investigating judge may order the blocking of the platform.",
        ),
        (
            "The Secretary may direct any licensee to suspend or terminate services in any region.",
            "The High Court may direct any licensee to suspend or terminate services in any "
            "region.",
        ),
        (
            "Carriers shall delete information within one day of a request of the State Security "
            "Bureau.",
            "Carriers shall delete information within one day of an order of the court.",
        ),
    ],
)
def test_take_down_wordings_are_orders_without_a_court(order: str, court: str) -> None:
    assert labels("CO08", f"12. Measures.\n{order}\n") == {"Section 12"}
    assert run("CO08", f"12. Measures.\n{court}\n") == []


def test_suspending_one_subscribers_service_is_no_shutdown() -> None:
    text = (
        "12. Measures.\nThe Secretary may direct any licensee to suspend services to a subscriber "
        "who has not paid.\n"
    )
    assert run("CO08", text) == []


def test_a_request_of_the_user_is_no_order() -> None:
    text = (
        "12. Measures.\nCarriers shall delete information within one day of a request of the "
        "user.\n"
    )
    assert run("CO08", text) == []


def test_a_court_may_not_block_a_whole_site_either() -> None:
    text = (
        "5. Blocking.\nThe High Court may order a provider to block access to an entire website "
        "without limit of time.\n"
    )
    (found,) = run("CO08", text)
    assert "whole site" in found.message
    specified = text.replace("an entire website", "specified content on a website")
    assert run("CO08", specified) == []


def test_a_take_down_in_a_list_is_granted_by_the_modal_of_its_lead_in() -> None:
    text = (
        "9. Functions of the Bureau\nThe Bureau shall\u2014\n(a) keep a register of hosts;\n"
        "(b) block any website that carries unlawful posts.\n"
    )
    assert labels("CO08", text) == {"Section 9(b)"}
    own = text.replace("The Bureau shall", "A host shall").replace("of the Bureau", "of hosts")
    assert run("CO08", own) == []


@pytest.mark.parametrize(
    "notified", ["upon being notified by the Bureau", "upon notice from the Bureau"]
)
def test_a_public_bodys_notice_reaches_the_items_of_the_list_it_governs(notified: str) -> None:
    text = (
        f"9. Duties of hosts\nA host shall, {notified}\u2014\n(a) take down the posts named in "
        "the notice within two hours;\n(b) keep a record of them.\n"
    )
    assert labels("CO08", text) == {"Section 9(a)"}
    judged = text.replace("the Bureau", "the High Court")
    assert run("CO08", judged) == []


def test_an_item_below_a_lead_in_is_notified_by_the_body_it_names() -> None:
    text = (
        "9. Duties of hosts\nA host shall\u2014\n(a) keep a register of its users;\n(b) take "
        "down unlawful posts within two hours of being notified by the Bureau.\n"
    )
    assert labels("CO08", text) == {"Section 9(b)"}
    by_user = text.replace("by the Bureau", "by a user")
    assert run("CO08", by_user) == []


def test_a_court_named_beside_the_executive_as_an_alternative_excuses_nothing() -> None:
    text = (
        "37. Blocking.\nThe Prosecutor or the competent court may order the blocking of the "
        "platform.\n"
    )
    (found,) = run("CO08", text)
    assert "the Prosecutor" in found.message
    courts = text.replace("The Prosecutor", "The judge")
    assert run("CO08", courts) == []


@pytest.mark.parametrize(
    "order",
    [
        "The Secretary may, with the prior approval of a Judge, direct a host to remove posts "
        "published online.",
        "The Bureau may block access to any website with the prior authorisation of a judge.",
        "The Bureau shall, in carrying out an order of the High Court, block access to the "
        "website.",
    ],
)
def test_an_order_a_court_approves_or_issues_is_judged(order: str) -> None:
    assert run("CO08", f"5. Blocking.\n{order}\n") == []
    minister = order.replace("Judge", "Minister").replace("judge", "Minister")
    minister = minister.replace("High Court", "Minister")
    assert labels("CO08", f"5. Blocking.\n{minister}\n") == {"Section 5"}


def test_a_users_request_to_a_platform_is_no_public_order() -> None:
    text = (
        "3. Rights of users\nA user may request the platform to remove any post published "
        "online that concerns him.\n"
    )
    assert run("CO08", text) == []
    official = text.replace("A user may", "The Bureau may")
    assert labels("CO08", official) == {"Section 3"}



@pytest.mark.parametrize(
    "order",
    [
        "The Commissioner may give the provider a notice requiring it to remove the material "
        "from the service within 24 hours.",
        "The Regulator may require the provider to take down that content within 24 hours.",
    ],
)
def test_co08_removal_notices_of_a_commissioner_or_regulator(order: str) -> None:
    assert labels("CO08", f"1. Removal notices\n{order}\n") == {"Section 1"}
    by_court = order.replace("The Commissioner may", "The High Court may").replace(
        "The Regulator may", "The High Court may"
    )
    assert run("CO08", f"1. Removal notices\n{by_court}\n") == []


def test_co08_a_takedown_notice_issued_by_an_authority() -> None:
    text = (
        "1 Takedown notices\n(1) The Authority may, where it is of the opinion that any content "
        "published on a computer system is prohibited by this Act, issue a takedown notice to the "
        "service provider concerned.\n"
    )
    assert labels("CO08", text) == {"Section 1(1)"}
    assert run("CO08", text.replace("The Authority may", "The High Court may")) == []


@pytest.mark.parametrize(
    "order",
    [
        "suspend mobile telephone, messaging or internet access services in any area",
        "suspend, in whole or in part, internet access services in any area",
        "restrict access to social media platforms",
    ],
)
def test_co08_shutdowns_written_as_lists_or_in_whole_or_in_part(order: str) -> None:
    text = f"1. Emergency\nThe Minister may order any operator to {order}.\n"
    assert labels("CO08", text) == {"Section 1"}
    assert run("CO08", text.replace("The Minister may", "The High Court may")) == []
