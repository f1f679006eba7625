package mockserver

import (
	"net/http"
	"strconv"
)

// scheduleRoutes answers the server schedule endpoints (List Server
// Schedules, Get Server Schedule, and the writes of schedulewrites.go);
// segs start at "schedules".
func (h *handler) scheduleRoutes(segs []string) endpoint {
	switch len(segs) {
	case 1:
		return endpoint{http.MethodGet: h.listSchedules, http.MethodPost: h.createSchedule}
	case 2:
		return endpoint{http.MethodGet: h.getSchedule, http.MethodPut: h.updateSchedule, http.MethodDelete: h.deleteSchedule}
	}
	return nil
}

// scheduleFilters is empty: Tableau documents paging for schedules but no
// filter or sort fields, so any filter is refused as unknown.
var scheduleFilters = filterSpec{}

// beginServer locks the store and checks a server-level request (no site
// in the URL): a live session and, for JWT sessions, the scope. On
// success the caller must unlock.
func (c *call) beginServer(resource, action string) *apiError {
	c.h.store.mu.Lock()
	err := c.authenticate()
	if err == nil {
		err = c.requireScope(resource, action, false)
	}
	if err != nil {
		c.h.store.mu.Unlock()
	}
	return err
}

func (h *handler) listSchedules(c *call) (result, *apiError) {
	if err := c.beginServer("schedules", "read"); err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	lq, err := parseListQueryFor(c.r.URL.Query(), scheduleFilters)
	if err != nil {
		return result{}, err
	}
	var items []entry
	for i := range st.data.Schedules {
		s := &st.data.Schedules[i]
		items = append(items, entry{s.Name, func() *node { return st.detailedScheduleNode(s) }})
	}
	return lq.answerList(st, "schedules", items)
}

func (h *handler) getSchedule(c *call) (result, *apiError) {
	if err := c.beginServer("schedules", "read"); err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	id := c.segs[1]
	for i := range st.data.Schedules {
		if s := &st.data.Schedules[i]; s.ID == id {
			return answer(http.StatusOK, st.detailedScheduleNode(s))
		}
	}
	return result{}, errNotFound(codeScheduleNotFound, "Schedule", id)
}

// scheduleNode has the attributes, in order, of Tableau's schedule
// responses; detailedScheduleNode adds the frequencyDetails.
func scheduleNode(s *Schedule) *node {
	state := s.State
	if state == "" {
		state = "Active"
	}
	priority := s.Priority
	if priority == 0 {
		priority = 50
	}
	return el("schedule").set("id", s.ID).set("name", s.Name).set("state", state).
		set("priority", strconv.Itoa(priority)).setIf("createdAt", formatTime(s.CreatedAt)).
		setIf("updatedAt", formatTime(s.UpdatedAt)).set("type", s.Type).set("frequency", s.Frequency).
		setIf("nextRunAt", formatTime(s.NextRunAt)).setIf("executionOrder", s.ExecutionOrder)
}
