"""The base of every data-file schema: unknown keys are errors."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

Words = list[str]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
