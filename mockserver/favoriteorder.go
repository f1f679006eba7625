package mockserver

import (
	"fmt"
	"net/http"
	"slices"
)

// orderFavorites is Organize Favorites (PUT /sites/{id}/orderFavorites/
// {user id}, Favorites Methods of Tableau's reference): each
// <favoriteOrdering favoriteId favoriteType favoriteIdMoveAfter
// favoriteTypeMoveAfter/> moves a favorite to just after another, or to
// the front when it names none to follow; Get Favorites for User then
// lists them in that order. It answers 204. A favorite the user does not
// have is 404010, the code the reference gives for deleting one; the
// reference's table for this method is not at hand. The caller changes
// their own favorites, administrators anyone's (403004 otherwise), as for
// the other Favorites methods.
func (h *handler) orderFavorites(c *call) (result, *apiError) {
	siteID, userID := c.segs[1], c.segs[3]
	body, err := c.beginBody(siteID, "favorites", "update")
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	if err := c.favoriteUser(siteID, userID); err != nil {
		return result{}, err
	}
	orderings := body.child("favoriteOrderings").kidsNamed("favoriteOrdering")
	if len(orderings) == 0 {
		return result{}, errMalformed()
	}
	favs := slices.Clone(st.favorites[userID])
	find := func(kind, id string) int {
		return slices.IndexFunc(favs, func(f favorite) bool { return f.siteID == siteID && f.kind == kind && f.id == id })
	}
	for _, o := range orderings {
		kind, _ := o.attr("favoriteType")
		id, _ := o.attr("favoriteId")
		i := find(kind, id)
		if i < 0 {
			return result{}, &apiError{http.StatusNotFound, codeNotAFavorite, "Resource Not Found",
				fmt.Sprintf("The %s '%s' is not a favorite of user '%s'.", kind, id, userID)}
		}
		moved := favs[i]
		favs = slices.Delete(favs, i, i+1)
		at := 0
		if afterID, ok := o.attr("favoriteIdMoveAfter"); ok && afterID != "" {
			afterKind, _ := o.attr("favoriteTypeMoveAfter")
			j := find(afterKind, afterID)
			if j < 0 {
				return result{}, &apiError{http.StatusNotFound, codeNotAFavorite, "Resource Not Found",
					fmt.Sprintf("The %s '%s' to move after is not a favorite of user '%s'.", afterKind, afterID, userID)}
			}
			at = j + 1
		}
		favs = slices.Insert(favs, at, moved)
	}
	st.favorites[userID] = favs
	return answer(http.StatusNoContent)
}
