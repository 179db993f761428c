"""The rule base class, the rule context, and the registry of every rule.

A rule is one class: a catalogue code, a kebab-case name, a default severity, a group, the
legal references it rests on, and a docstring with the sections *What it does*, *Why it
matters*, *Example*, *Use instead* and *References*. The docstring is the rule's documentation
(`safeguard-lint rule CODE`), and a class without those sections is refused when defined.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import ClassVar, TypeVar

from safeguard_lint.ast import Block, Document, Node, Severity, Span, Text, Unit
from safeguard_lint.config import Config
from safeguard_lint.findings import Finding, Fix, PathStep, ProvisionRef, Related
from safeguard_lint.regex_cache import compile_regex
from safeguard_lint.semantics.lexicon import Lexicon, configured

REQUIRED_SECTIONS = ("What it does", "Why it matters", "Example", "Use instead", "References")
_CODE = compile_regex(r"^[A-Z]{2}\d{2}$")
_NAME = compile_regex(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

REGISTRY: dict[str, type[Rule]] = {}

T = TypeVar("T")


class RuleContext:
    """What a rule sees: the document, its source, settings, lexicons and shared analyses.

    Analyses (clause analysis, scopes…) are built once per document by `cached(builder)` and
    shared by every rule that asks for them.
    """

    def __init__(self, document: Document, config: Config | None = None) -> None:
        self.document = document
        self.source = document.source
        self.config = config or Config()
        self._cache: dict[Callable[[RuleContext], object], object] = {}
        self._lexicons: dict[str, Lexicon] = {}
        units = list(document.units_with_path())
        # Units in document order; innermost lookups bisect on start offsets.
        self._units = units
        self._starts = [u.span.start for u, _ in units]

    @property
    def units(self) -> list[tuple[Unit, tuple[Unit, ...]]]:
        """Every unit below the root with its ancestors, in document order (walked once)."""
        return self._units

    @cached_property
    def nodes(self) -> list[Node]:
        """Every node of the document, depth first in document order (walked once)."""
        return list(self.document.walk())

    @cached_property
    def body_texts(self) -> list[Text]:
        """The text nodes outside preambles, recitals and other unnumbered blocks."""
        found: list[Text] = []
        stack: list[tuple[Node, bool]] = [(self.document, False)]
        while stack:
            node, in_block = stack.pop()
            if isinstance(node, Text):
                if not in_block:
                    found.append(node)
                continue
            inner = in_block or isinstance(node, Block)
            stack.extend((child, inner) for child in reversed(node.children))
        return found

    def cached(self, builder: Callable[[RuleContext], T]) -> T:
        """Return `builder(self)`, computed at most once per document."""
        if builder not in self._cache:
            self._cache[builder] = builder(self)
        return self._cache[builder]  # type: ignore[return-value]

    def lexicon(self, name: str) -> Lexicon:
        """A shipped lexicon, extended by the configuration's `lexicons` table."""
        if name not in self._lexicons:
            extra = self.config.lexicons.get(name, {})
            key = tuple((cat, tuple(phrases)) for cat, phrases in extra.items())
            self._lexicons[name] = configured(name, key).for_document()
        return self._lexicons[name]

    def options(self, code: str) -> dict[str, object]:
        """The configured options of one rule."""
        return self.config.rule_options.get(code, {})

    def unit_at(self, offset: int) -> tuple[Unit, tuple[Unit, ...]] | None:
        """The innermost unit containing `offset`, with its ancestors, or None."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return None
        # The last unit starting at or before offset either holds it or lies inside the unit
        # that does, so the answer is it or its deepest ancestor that holds the offset.
        unit, ancestors = self._units[i]
        chain = (*ancestors, unit)
        for depth in range(len(chain) - 1, -1, -1):
            if chain[depth].span.start <= offset < chain[depth].span.end:
                return chain[depth], chain[:depth]
        return None

    def provision_ref(self, offset: int) -> ProvisionRef:
        """The contract's `provision` object for the innermost numbered unit at `offset`."""
        found = self.unit_at(offset)
        if found is None:
            return ProvisionRef()
        unit, ancestors = found
        chain = [*ancestors, unit]
        path = [PathStep(kind=u.kind, num=u.num) for u in chain if u.num is not None]
        return ProvisionRef(eid=unit.eid, label=unit.label, path=path)


class Rule:
    """Base class of every rule. Subclasses set the class attributes and implement check()."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    group: ClassVar[str]
    references: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("abstract", False):
            return
        for attr in ("code", "name", "severity", "group"):
            if attr not in cls.__dict__:
                raise TypeError(f"rule {cls.__name__} must set {attr}")
        if not _CODE.match(cls.code):
            raise TypeError(f"rule {cls.__name__}: bad code {cls.code!r}")
        if not _NAME.match(cls.name):
            raise TypeError(f"rule {cls.code}: name {cls.name!r} is not kebab-case")
        doc = cls.__doc__ or ""
        missing = [s for s in REQUIRED_SECTIONS if f"{s}\n" not in doc and f"{s}:" not in doc]
        if missing:
            raise TypeError(f"rule {cls.code}: docstring lacks sections {missing}")
        if not cls.references:
            raise TypeError(f"rule {cls.code}: must cite at least one legal reference")
        if cls.code in REGISTRY and REGISTRY[cls.code] is not cls:
            raise TypeError(f"rule code {cls.code} defined twice")
        REGISTRY[cls.code] = cls

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Yield the findings of this rule on the document in `ctx`."""
        raise NotImplementedError

    def finding(
        self,
        ctx: RuleContext,
        span: Span,
        message: str,
        *,
        related: Iterable[Related] = (),
        fix: Fix | None = None,
        severity: Severity | None = None,
        references: Iterable[str] = (),
    ) -> Finding:
        """Build a finding of this rule at `span`, locating its provision."""
        return Finding(
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            message=message,
            span=span,
            provision=ctx.provision_ref(span.start),
            related=list(related),
            references=[*self.references, *references],
            fix=fix,
        )

    @classmethod
    def summary(cls) -> str:
        """The first line of the docstring."""
        return (cls.__doc__ or "").strip().splitlines()[0]


def related_at(ctx: RuleContext, span: Span, message: str) -> Related:
    """A related location with the eId and label of the unit that holds it."""
    ref = ctx.provision_ref(span.start)
    return Related(span=span, message=message, eid=ref.eid, label=ref.label)
