"""OV: oversight and transparency (catalogue §8)."""

from __future__ import annotations

from collections.abc import Iterable

from safeguard_lint.findings import Finding
from safeguard_lint.rules.base import Rule, RuleContext
from safeguard_lint.rules.wording import quote, span_of
from safeguard_lint.semantics.model import SafeguardModel, safeguard_model
from safeguard_lint.semantics.safeguards import first_power
from safeguard_lint.semantics.sharing import sharing


class IndependentOversightMissing(Rule):
    """A text with intrusive powers sets up no oversight independent of the executive.

    What it does:
        Flags, once per text, a text that confers intrusive powers and names no standing
        oversight body independent of the executive (a commissioner, a supervisory authority,
        an ombudsman, a parliamentary committee receiving reports) anywhere. A body named only
        to be shut out ("shall have no competence over…") or placed under the executive
        ("appointed by and reporting to the Minister") oversees nothing.

    Why it matters:
        Big Brother Watch requires supervision by an independent body with access,
        investigative and binding powers, and ex post review; internal audit is not enough.

    Example:
        Each agency shall audit its own use of the powers in this Part.

    Use instead:
        The Commissioner may inspect every record, investigate complaints, order deletion and
        report to Parliament each year.

    References:
        BBW GC §361 (criteria 7-8); Zakharov §§271-285; N&P 10; GC37 §62.
    """

    code = "OV01"
    name = "independent-oversight-missing"
    severity = "warning"
    group = "OV"
    references = (
        "ECtHR BBW GC §361 (criteria 7-8)",
        "ECtHR Zakharov §§271-285",
        "N&P principle 10",
        "HRC GC37 §62",
    )

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Yield at most one finding for the whole text."""
        model = safeguard_model(ctx)
        powers = model.power_sites()
        transfers = sharing(ctx).transfers
        if not (powers or transfers) or _overseen(model):
            return
        if powers:
            first = first_power(powers)
            what = f"confers intrusive powers (first: {quote(first)})"
        else:
            first = transfers[0].send
            what = f"sends data abroad (first: {quote(first)})"
        yield self.finding(
            ctx,
            span_of(first),
            f"The text {what} but no body independent of the executive oversees their use",
        )


def _overseen(model: SafeguardModel) -> bool:
    """Whether a sentence names an oversight body that it neither shuts out nor places under
    the executive ("The Data Protection Authority shall have no competence over…", "The
    Inspector-General, appointed by and reporting to the Minister, …")."""
    return any(
        not site.clause.has("oversight", "excluded")
        for site in model.candidates("oversight", ("body",))
    )


class OversightDisclaimed(Rule):
    """The text, or a note to it, disclaims supervision of how its powers are used.

    What it does:
        Flags words such as "does not imply any international supervision" or "shall not be
        subject to any oversight", in the text or in its explanatory notes.

    Why it matters:
        The Chair's note to draft art 24 of the UN convention ruled out international
        supervision of whether safeguards are "appropriate"; nothing then checks the hedge.

    Example:
        This paragraph does not imply any international supervision.

    Use instead:
        (no disclaimer; name the review body and its powers)

    References:
        A19-2024 (Chair's note, draft art 24); N&P 10.
    """

    code = "OV02"
    name = "oversight-disclaimed"
    severity = "warning"
    group = "OV"
    references = ("A19-2024 (Chair's note, draft art 24)", "N&P principle 10")

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Yield one finding per disclaimer."""
        model = safeguard_model(ctx)
        for site in model.candidates("oversight", ("disclaimer",)):
            for phrase in site.clause.hits("oversight", "disclaimer"):
                yield self.finding(
                    ctx,
                    span_of(phrase),
                    f"{quote(phrase)} rules out supervision of how the safeguards are applied",
                )


class TransparencyReportingMissing(Rule):
    """Nobody publishes how often the powers are used.

    What it does:
        Flags, once per text, a text that confers intrusive powers and requires no periodic
        report or statistics on their use. Figures providers may not disclose, a classified
        report, or a register for the Minister's inspection are not public statistics.

    Why it matters:
        Statistics on orders sought, granted and refused let parliament and the public test
        whether the powers are necessary.

    Example:
        (silent) The police may order the disclosure of traffic data.

    Use instead:
        The Minister shall publish each year the number of orders applied for, granted and
        refused under each section.

    References:
        N&P 9; models 18 U.S.C. §2519, Data Retention Directive art 10.
    """

    code = "OV03"
    name = "transparency-reporting-missing"
    severity = "info"
    group = "OV"
    references = ("N&P principle 9", "18 U.S.C. §2519 (model)", "Directive 2006/24/EC art 10")

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Yield at most one finding for the whole text."""
        model = safeguard_model(ctx)
        powers = model.power_sites()
        if not powers or any(
            not site.clause.has("transparency", "withheld")
            for site in model.candidates("transparency", ("reporting",))
        ):
            return
        power = first_power(powers)
        yield self.finding(
            ctx,
            span_of(power),
            f"The text confers intrusive powers (first: {quote(power)}) but requires no report "
            "or statistics on their use",
        )
