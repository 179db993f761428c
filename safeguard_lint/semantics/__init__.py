"""The semantic layer: lexicons, clause analysis, definitions, references and scopes."""
