"""Reporting the searches that found nothing to the platform (anonymous demand statistics)."""

from __future__ import annotations

from kiosk.catalog.store import CatalogStore
from kiosk.district.client import Ok, PlatformClient, Rejected


def report_search_misses(store: CatalogStore, client: PlatformClient) -> str:
    """Send the pending batch, if any; returns what happened, for the log.

    A batch is confirmed (deleted) only on success; a rejected batch is dropped with the
    reason logged (its terms are anonymous counts, and resending cannot fix it).
    """
    batch = store.take_miss_batch()
    if batch is None:
        return "nothing to report"
    batch_id, terms = batch
    result = client.report_search_misses(terms, batch_id)
    if isinstance(result, Ok):
        store.confirm_miss_batch(batch_id)
        return f"reported {len(terms)} missed term(s)"
    if isinstance(result, Rejected):
        store.confirm_miss_batch(batch_id)
        return f"platform refused the missed terms ({result.code}: {result.message}); dropped"
    return f"missed terms kept for later: {result}"
