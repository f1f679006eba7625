package event

import (
	"strings"
	"testing"
)

// Events pass through as they are while no secret is known, and are masked
// from the first event after one becomes known (a token captured mid-run).
func TestRedactingMasksOnceASecretIsKnown(t *testing.T) {
	t.Parallel()
	var secrets []string
	mask := func(s string) string {
		for _, x := range secrets {
			s = strings.ReplaceAll(s, x, "********")
		}
		return s
	}
	var got []*Console
	h := Redacting(HandlerFunc(func(e Event) error {
		got = append(got, e.Console)
		return nil
	}), mask, func() bool { return len(secrets) == 0 })

	first := &Console{Messages: []string{"token tok-123"}}
	_ = h.Handle(Event{Console: first})
	secrets = append(secrets, "tok-123")
	second := &Console{Messages: []string{"token tok-123"}}
	_ = h.Handle(Event{Console: second})

	if got[0] != first {
		t.Error("an event was copied while there was nothing to mask")
	}
	if got[1] == second || got[1].Messages[0] != "token ********" || second.Messages[0] != "token tok-123" {
		t.Errorf("after the secret: %q (original now %q); want a masked copy", got[1].Messages, second.Messages)
	}
}
