//go:build ignore

// mutex.go: mutex-heavy counter: 4 goroutines each do N/4 Lock/increment/Unlock of one
// shared counter. Mirror of ../rc/mutex.c.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"
)

const workers = 4

var (
	mu      sync.Mutex
	counter int64
)

func main() {
	n := int64(1000000)
	if len(os.Args) > 1 {
		n, _ = strconv.ParseInt(os.Args[1], 10, 64)
	}
	per := n / workers
	done := make(chan int, workers)
	t0 := time.Now()
	for w := 0; w < workers; w++ {
		go func() {
			for i := int64(0); i < per; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
			done <- 1
		}()
	}
	for w := 0; w < workers; w++ {
		<-done
	}
	el := time.Since(t0)
	fmt.Printf("RESULT mutex ns_per_op=%.1f total_ms=%.1f\n", float64(el.Nanoseconds())/float64(per*workers), float64(el.Nanoseconds())/1e6)
	if counter != per*workers {
		fmt.Fprintf(os.Stderr, "mutex: wrong count %d\n", counter)
	}
}
