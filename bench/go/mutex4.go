//go:build ignore

// mutex4.go: contended Mutex: 4 goroutines each do N/4 lock/increment/unlock. Reports
// ns per operation. Mirror of bench/c/mutex4.c.
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
	n := int64(4000000)
	if len(os.Args) > 1 {
		n, _ = strconv.ParseInt(os.Args[1], 10, 64)
	}
	per := n / workers
	n = per * workers
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
	if counter != n {
		fmt.Fprintf(os.Stderr, "mutex4: wrong count %d\n", counter)
	}
	fmt.Printf("RESULT mutex4 ns_per_op=%.1f\n", float64(el.Nanoseconds())/float64(n))
}
