"""The editor's pages by section key, each built the first time it is asked for.

A window shows one part at a time, and building all eight at start-up cost ~30 ms before the first paint
(twice: once for the blank report, once for the one opened). The stack holds an empty placeholder for each
page not yet built; asking the mapping for a page (selecting it, revealing a finding on it, a test reading
``window.pages["part3"]``) builds it and puts it where its placeholder was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

from PySide6.QtWidgets import QStackedWidget, QWidget


class LazyPages(Mapping[str, QWidget]):
    def __init__(
        self,
        stack: QStackedWidget,
        keys: Sequence[str],
        build: Callable[[str], QWidget],
        on_built: Callable[[str, QWidget], None],
    ) -> None:
        self._stack = stack
        self._keys = list(keys)
        self._build = build
        self._on_built = on_built
        self._built: dict[str, QWidget] = {}
        for _key in self._keys:
            stack.addWidget(QWidget())

    def __getitem__(self, key: str) -> QWidget:
        page = self._built.get(key)
        if page is not None:
            return page
        if key not in self._keys:
            raise KeyError(key)
        page = self._build(key)
        self._built[key] = page
        index = self._keys.index(key)
        stack = self._stack
        placeholder, current = stack.widget(index), stack.currentIndex()
        stack.insertWidget(index, page)
        stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if current == index:
            stack.setCurrentIndex(index)
        self._on_built(key, page)
        return page

    def __contains__(self, key: object) -> bool:  # without building (Mapping's would build)
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def is_built(self, key: str) -> bool:
        return key in self._built

    def built(self) -> list[QWidget]:
        """The pages built so far, in section order."""
        return [self._built[k] for k in self._keys if k in self._built]

    def built_items(self) -> list[tuple[str, QWidget]]:
        """(key, page) of the pages built so far, in section order."""
        return [(k, self._built[k]) for k in self._keys if k in self._built]
