//go:build ignore

// mutex.go: uncontended Mutex: N lock/unlock pairs in one goroutine. Reports ns per
// pair. Mirror of bench/c/mutex.c.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"
)

var (
	mu      sync.Mutex
	counter int64
)

func main() {
	n := int64(20000000)
	if len(os.Args) > 1 {
		n, _ = strconv.ParseInt(os.Args[1], 10, 64)
	}
	t0 := time.Now()
	for i := int64(0); i < n; i++ {
		mu.Lock()
		counter++
		mu.Unlock()
	}
	el := time.Since(t0)
	fmt.Printf("RESULT mutex ns_per_op=%.1f\n", float64(el.Nanoseconds())/float64(n))
}
