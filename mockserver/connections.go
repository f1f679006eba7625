package mockserver

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/google/uuid"
)

// Connections of workbooks, data sources and flows (Query Workbook,
// Data Source and Flow Connections; Update Workbook, Data Source and
// Flow Connection). The mock has no files to read connections from, so
// every item has one, to a Hyper extract on localhost, until an update
// changes it. A password is kept but never shown, as on Tableau.

// connection is an item's one connection as last updated.
type connection struct {
	serverAddress, serverPort, userName, password string
	embedPassword, queryTaggingEnabled            string
}

// derivedID makes the stable id of something the mock derives from an
// item (its connection), so that repeated reads agree.
func derivedID(parts ...string) string {
	return uuid.NewSHA1(uuid.NameSpaceURL, []byte("colrun-mock/"+parts[0]+"/"+parts[1])).String()
}

// connection returns an item's connection, the default one if it was
// never updated. Must be called with the store locked.
func (st *store) connection(itemID string) *connection {
	if c := st.conns[itemID]; c != nil {
		return c
	}
	return &connection{serverAddress: "localhost", embedPassword: "false", queryTaggingEnabled: "false"}
}

// connections is Query Workbook, Data Source and Flow Connections, in the
// shapes of Tableau's responses (workbook_populate_connections.xml,
// datasource_populate_connections.xml, flow_populate_connections.xml): a
// workbook's names the data source it reads, here an embedded one named
// after the workbook; a data source's and a flow's say whether the
// password is embedded.
func (h *handler) connections(plural string) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		item, err := c.readItem(plural)
		if err != nil {
			if plural == "datasources" {
				// The reference gives Query Data Source Connections
				// 404011 for an unknown data source, as the Favorites
				// methods do, not the 404004 of the other methods.
				err.code = codeFavoriteDatasourceNotFound
			}
			return result{}, err
		}
		defer h.store.mu.Unlock()
		id := c.segs[3]
		cn := h.store.connection(id)
		n := el("connection").set("id", derivedID("connection", id)).set("type", "hyper")
		switch plural {
		case "workbooks":
			n.set("serverAddress", cn.serverAddress).setIf("serverPort", cn.serverPort).set("userName", cn.userName).
				add(el("datasource").set("id", derivedID("embedded-datasource", id)).set("name", item.name))
		case "datasources":
			n.set("serverAddress", cn.serverAddress).setIf("serverPort", cn.serverPort).set("userName", cn.userName).
				set("embedPassword", cn.embedPassword)
		default:
			n.set("embedPassword", cn.embedPassword).set("serverAddress", cn.serverAddress).
				setIf("serverPort", cn.serverPort).set("userName", cn.userName)
		}
		return answer(http.StatusOK, listEl("connections").add(n))
	}
}

// connectionUpdateCodes are the reference's codes for a caller who may
// not update a connection (Update Workbook / Data Source / Flow
// Connection).
var connectionUpdateCodes = map[string]int{"workbooks": 403029, "datasources": 403023, "flows": 403103}

// updateConnection is Update Workbook, Data Source and Flow Connection:
// <connection serverAddress serverPort userName password embedPassword
// queryTaggingEnabled/> changes what it names. Administrators, the owner
// and the project's owner or leaders may; a connection id the item does
// not have is 404020 (Connection not found).
func (h *handler) updateConnection(plural string) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		item, body, err := c.lockItemBody(plural)
		if err != nil {
			return result{}, err
		}
		st := h.store
		defer st.mu.Unlock()
		siteID, id, connID := c.segs[1], c.segs[3], c.segs[5]
		if connID != derivedID("connection", id) {
			return result{}, errNotFound(404020, "Connection", connID)
		}
		if !st.mayChangePermissions(c.user, siteID, item.owner, item.project) {
			return result{}, forbidden(connectionUpdateCodes[plural], "Only administrators, the owner and the project's owner or leaders can update its connections.")
		}
		b := body.child("connection")
		if b == nil {
			return result{}, errMalformed()
		}
		updated := *st.connection(id)
		for name, dst := range map[string]*string{"serverAddress": &updated.serverAddress, "serverPort": &updated.serverPort,
			"userName": &updated.userName, "password": &updated.password} {
			if v, ok := b.attr(name); ok {
				*dst = v
			}
		}
		if updated.serverPort != "" {
			if port, perr := strconv.Atoi(updated.serverPort); perr != nil || port < 0 || port > 65535 {
				return result{}, errBadRequest("serverPort must be a port number, not '" + updated.serverPort + "'.")
			}
		}
		for name, dst := range map[string]*string{"embedPassword": &updated.embedPassword, "queryTaggingEnabled": &updated.queryTaggingEnabled} {
			if v, ok := b.attr(name); ok {
				// Tableau's own samples write True and False.
				v = strings.ToLower(v)
				if v != "true" && v != "false" {
					return result{}, errBadRequest(name + " must be true or false, not '" + v + "'.")
				}
				*dst = v
			}
		}
		st.conns[id] = &updated
		return answer(http.StatusOK, el("connection").set("id", connID).set("type", "hyper").
			set("serverAddress", updated.serverAddress).setIf("serverPort", updated.serverPort).set("userName", updated.userName))
	}
}
