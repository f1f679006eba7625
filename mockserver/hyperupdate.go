package mockserver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Update Data in Hyper Data Source and Update Data in Hyper Connection
// (Publishing Methods of Tableau's reference): PATCH .../datasources/{id}/
// data, or .../connections/{connection id}/data (the official collection
// leaves /data off, and is served too), with the RequestID header, a JSON
// body of actions and, for actions that read a source table, the
// uploadSessionId of a file uploaded beforehand (uploads.go), which the
// update uses up. The mock starts an UpdateUploadedFile job that Query
// Job follows, as datasource_data_update.xml shows it, and changes no
// data. A RequestID seen before answers the job it started, as Tableau
// ignores a repeated request.
//
// Codes: 404004 for an unknown data source, 404020 for another connection
// id (as Update Data Source Connection), 404015 for an unknown upload
// session, 403004 for a caller who is not an administrator, the owner or
// a leader of its project; the reference's error table for these methods
// is not at hand, so a missing RequestID, a body that is not the actions
// JSON and an action without what it needs are the general 400000.

// hyperActions are the actions the reference lists, with the members each
// needs besides target-table and target-schema.
var hyperActions = map[string][]string{
	"insert":  {"source-table", "source-schema"},
	"update":  {"source-table", "source-schema", "condition"},
	"upsert":  {"source-table", "source-schema", "condition"},
	"replace": {"source-table", "source-schema"},
	"delete":  {"condition"},
}

// checkHyperActions reads the body and reports whether an action reads
// the uploaded file.
func checkHyperActions(raw []byte) (readsSource bool, _ *apiError) {
	var body struct {
		Actions []map[string]any `json:"actions"`
	}
	if err := json.NewDecoder(bytes.NewReader(raw)).Decode(&body); err != nil || len(body.Actions) == 0 {
		return false, errBadRequest(`The body must be JSON with a non-empty "actions" list, as {"actions":[{"action":"insert","source-schema":"Extract","source-table":"Extract","target-schema":"Extract","target-table":"Extract"}]}.`)
	}
	for i, a := range body.Actions {
		name, _ := a["action"].(string)
		needs, ok := hyperActions[name]
		if !ok {
			return false, errBadRequest(fmt.Sprintf("actions[%d]: the action must be insert, update, upsert, replace or delete, not '%s'.", i, name))
		}
		for _, m := range append([]string{"target-table", "target-schema"}, needs...) {
			if _, ok := a[m]; !ok {
				return false, errBadRequest(fmt.Sprintf("actions[%d]: a %s action needs %s.", i, name, m))
			}
		}
		readsSource = readsSource || slices.Contains(needs, "source-table")
	}
	return readsSource, nil
}

func (h *handler) updateHyperData(c *call) (result, *apiError) {
	raw, err := c.readRaw()
	if err != nil {
		return result{}, err
	}
	item, err := c.lockItem("datasources", "update", false)
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	siteID, id := c.segs[1], c.segs[3]
	// The mock's data sources have one connection, which the job names
	// whichever path was used.
	connID := derivedID("connection", id)
	if len(c.segs) >= 6 && c.segs[5] != connID {
		return result{}, errNotFound(404020, "Connection", c.segs[5])
	}
	if !st.mayChangePermissions(c.user, siteID, item.owner, item.project) {
		return result{}, errForbidden("Only administrators, the owner and the project's owner or leaders can update its data.")
	}
	requestID := strings.TrimSpace(c.r.Header.Get("RequestID"))
	if requestID == "" {
		return result{}, errBadRequest("The RequestID header is required: a value of your own that names this update, so that a repeat is ignored.")
	}
	// A repeat is the same RequestID for the same data source: another
	// data source's (another site's) update is not this one's answer.
	requestKey := id + "\x00" + requestID
	if j, ok := st.hyperRequests[requestKey]; ok {
		return answer(http.StatusAccepted, hyperJobNode(j))
	}
	readsSource, err := checkHyperActions(raw)
	if err != nil {
		return result{}, err
	}
	sid := c.r.URL.Query().Get("uploadSessionId")
	if sid == "" && readsSource {
		return result{}, errBadRequest("An action reads a source table, which comes from an uploaded file: give its uploadSessionId.")
	}
	if sid != "" {
		u, err := c.findUpload(sid)
		if err != nil {
			return result{}, err
		}
		st.uploads = slices.DeleteFunc(st.uploads, func(o *upload) bool { return o == u })
	}
	j := &job{id: uuid.NewString(), siteID: siteID, userID: c.user.ID, kind: "UpdateUploadedFile", target: "datasource",
		targetID: id, targetName: item.name, connectionID: connID, createdAt: c.now.UTC().Truncate(time.Second)}
	st.jobs = append(st.jobs, j)
	if st.hyperRequests == nil {
		st.hyperRequests = map[string]*job{}
	}
	st.hyperRequests[requestKey] = j
	return answer(http.StatusAccepted, hyperJobNode(j))
}

// hyperJobNode is the answer to an update: the job as it started.
func hyperJobNode(j *job) *node {
	return el("job").set("id", j.id).set("mode", "Asynchronous").set("type", j.kind).
		set("createdAt", formatTime(j.createdAt)).add(j.detailNode())
}
