"""The "Undo" button after a deletion: a plain POST that puts the rows back within the window."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peoplecraft.core import trash
from peoplecraft.core.http import redirect_after_post
from peoplecraft.core.models import TrashedItem


@require_POST
def undo(request: HttpRequest, item_id: int) -> HttpResponse:
    """Restore the owner's trashed item; another user's, or a purged one, is a 404."""
    try:
        item = trash.restore(owner=request.user, item_id=item_id)
    except TrashedItem.DoesNotExist:
        raise Http404 from None
    except trash.UndoExpired as expired:
        messages.error(request, _("Too late to undo: “%s” is deleted for good.") % expired.args[0])
        return redirect_after_post(request, "home")
    messages.success(request, _("Restored: %s.") % item.label)
    return redirect_after_post(request, item.return_url or "home")
