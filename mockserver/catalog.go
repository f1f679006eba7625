package mockserver

import (
	"net/http"
	"strings"
)

// Tableau Catalog's assets (Metadata Methods of Tableau's reference):
// databases, tables and their columns, which Tableau discovers from the
// connections of published content. The mock discovers none, so Query
// Databases and Query Tables answer empty paged lists, and every method
// on one database, table or column (reading, updating, deleting it, its
// permissions, default permissions and tags) answers that the id names
// no asset: 404003, the code the reference gives for an unknown database
// ("The database ID in the URI doesn't correspond to a database asset on
// the site"). Move Database, Move Table and Get Databases and Tables from
// Connection stay unimplemented.

// catalogLabels name the assets in errors, by collection.
var catalogLabels = map[string]string{"databases": "Database", "tables": "Table", "columns": "Column"}

// catalogRoutes answers the catalog endpoints above; segs start at
// "sites".
func (h *handler) catalogRoutes(segs []string) endpoint {
	label := catalogLabels[segs[2]]
	if label == "" {
		return nil
	}
	if len(segs) == 3 {
		if segs[2] == "columns" {
			return nil
		}
		return endpoint{http.MethodGet: h.emptyList(segs[2], segs[2])}
	}
	ep := endpoint{}
	for _, m := range tableauMethods(false, segs) {
		action := map[string]string{http.MethodGet: "read", http.MethodPut: "update", http.MethodDelete: "delete"}[m]
		ep[m] = h.unknownAsset(strings.ToLower(segs[2]), action, 404003, label)
	}
	if len(ep) == 0 {
		return nil
	}
	return ep
}
