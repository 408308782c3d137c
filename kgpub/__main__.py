"""``python -m kgpub`` runs the CLI; the guard keeps worker processes that import this module
(``multiprocessing`` spawn re-imports ``__main__``) from starting a second CLI."""

from .cli import main

if __name__ == "__main__":
    main()
