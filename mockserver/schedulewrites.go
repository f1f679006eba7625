package mockserver

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"
)

// Create Schedule, Update Schedule and Delete Schedule (Jobs, Tasks, and
// Schedules Methods of Tableau's reference), for server administrators
// only, as on Tableau Server. The reference's tables give no code for
// another caller; the mock answers 403004, Tableau's code for a
// signed-in user without the permission. frequencyDetails is accepted and
// not kept, as the mock models no run times.
//
// Codes from the reference: 400000 for a body without a name, type or
// frequency on create, 400008 (Invalid Parameter) for an attribute whose
// value is not one the reference lists, 409021 for a name another
// schedule has, and 404023 for an unknown schedule id.

const (
	codeScheduleInvalidParameter = 400008
	codeScheduleNameConflict     = 409021
)

// scheduleValues are the values the reference lists for each attribute
// a schedule body may set.
var scheduleValues = map[string][]string{
	"type":           {"Extract", "Subscription", "Flow", "DataAcceleration"},
	"frequency":      {"Hourly", "Daily", "Weekly", "Monthly"},
	"executionOrder": {"Parallel", "Serial"},
	"state":          {"Active", "Suspended"},
}

func errScheduleParameter(attr, value string) *apiError {
	return &apiError{http.StatusBadRequest, codeScheduleInvalidParameter, "Bad Request",
		"The schedule's " + attr + " '" + value + "' is not valid."}
}

// applySchedule sets what a create or update body names, checking each
// value; the schedule is changed only if every value is good.
func (st *store) applySchedule(s *Schedule, body *reqNode) *apiError {
	el := body.child("schedule")
	if el == nil {
		return errMalformed()
	}
	next := *s
	if v, ok := el.attr("name"); ok {
		if strings.TrimSpace(v) == "" {
			return errScheduleParameter("name", v)
		}
		for _, o := range st.data.Schedules {
			if o.ID != s.ID && strings.EqualFold(o.Name, v) {
				return &apiError{http.StatusConflict, codeScheduleNameConflict, "Resource Conflict",
					"A schedule named '" + v + "' already exists."}
			}
		}
		next.Name = v
	}
	if v, ok := el.attr("priority"); ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			return errScheduleParameter("priority", v)
		}
		next.Priority = n
	}
	for attr, allowed := range scheduleValues {
		v, ok := el.attr(attr)
		if !ok {
			continue
		}
		if !slices.Contains(allowed, v) {
			return errScheduleParameter(attr, v)
		}
		switch attr {
		case "type":
			next.Type = v
		case "frequency":
			next.Frequency = v
		case "executionOrder":
			next.ExecutionOrder = v
		case "state":
			next.State = v
		}
	}
	*s = next
	if fd := el.child("frequencyDetails"); fd != nil {
		if st.frequencies == nil {
			st.frequencies = map[string]*node{}
		}
		st.frequencies[s.ID] = frequencyDetailsNode(fd)
	}
	return nil
}

// detailedScheduleNode is a schedule as Tableau's schedule methods answer
// it, with the frequencyDetails a create or update gave (a fixture's
// schedules have none). Task answers embed the schedule without them.
func (st *store) detailedScheduleNode(s *Schedule) *node {
	return scheduleNode(s).add(st.frequencies[s.ID])
}

// frequencyDetailsNode answers a body's frequencyDetails back in the
// attribute order of Tableau's schedule responses (start, end; an
// interval's hours, minutes, weekDay, monthDay). Request attributes come
// unordered, so they are placed by name.
func frequencyDetailsNode(fd *reqNode) *node {
	out := el("frequencyDetails")
	for _, a := range []string{"start", "end"} {
		if v, ok := fd.attr(a); ok {
			out.set(a, v)
		}
	}
	if iv := fd.child("intervals"); iv != nil {
		list := listEl("intervals")
		for _, i := range iv.kidsNamed("interval") {
			n := el("interval")
			for _, a := range []string{"hours", "minutes", "weekDay", "monthDay"} {
				if v, ok := i.attr(a); ok {
					n.set(a, v)
				}
			}
			list.add(n)
		}
		out.add(list)
	}
	return out
}

func (h *handler) createSchedule(c *call) (result, *apiError) {
	body, err := c.beginServerBody("schedules", "create")
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	if err := c.requireServerAdmin("create schedules"); err != nil {
		return result{}, err
	}
	s := Schedule{ID: uuid.NewString(), State: "Active", Priority: 50, ExecutionOrder: "Parallel", CreatedAt: c.now, UpdatedAt: c.now}
	if err := st.applySchedule(&s, body); err != nil {
		return result{}, err
	}
	if s.Name == "" || s.Type == "" || s.Frequency == "" {
		return result{}, errBadRequest("Create Schedule needs the schedule's name, type and frequency.")
	}
	st.data.Schedules = append(st.data.Schedules, s)
	return answer(http.StatusCreated, st.detailedScheduleNode(&st.data.Schedules[len(st.data.Schedules)-1]))
}

func (h *handler) updateSchedule(c *call) (result, *apiError) {
	body, err := c.beginServerBody("schedules", "update")
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	if err := c.requireServerAdmin("update schedules"); err != nil {
		return result{}, err
	}
	s := st.schedule(c.segs[1])
	if s == nil {
		return result{}, errNotFound(codeScheduleNotFound, "Schedule", c.segs[1])
	}
	if err := st.applySchedule(s, body); err != nil {
		return result{}, err
	}
	s.UpdatedAt = c.now
	return answer(http.StatusOK, st.detailedScheduleNode(s))
}

// deleteSchedule deletes a schedule with its tasks and subscriptions, as
// Tableau does.
func (h *handler) deleteSchedule(c *call) (result, *apiError) {
	if err := c.beginServer("schedules", "delete"); err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	if err := c.requireServerAdmin("delete schedules"); err != nil {
		return result{}, err
	}
	id := c.segs[1]
	if st.schedule(id) == nil {
		return result{}, errNotFound(codeScheduleNotFound, "Schedule", id)
	}
	st.data.Schedules = slices.DeleteFunc(st.data.Schedules, func(s Schedule) bool { return s.ID == id })
	st.tasks = slices.DeleteFunc(st.tasks, func(t *task) bool { return t.scheduleID == id })
	st.subscriptions = slices.DeleteFunc(st.subscriptions, func(s *subscription) bool { return s.scheduleID == id })
	delete(st.frequencies, id)
	return answer(http.StatusNoContent)
}
