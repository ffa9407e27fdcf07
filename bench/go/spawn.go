//go:build ignore

// spawn.go: spawn+exit: N goroutines that do nothing; the last to finish signals main.
// Reports ns per goroutine. Mirror of bench/c/spawn.c.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync/atomic"
	"time"
)

func main() {
	n := int64(200000)
	if len(os.Args) > 1 {
		n, _ = strconv.ParseInt(os.Args[1], 10, 64)
	}
	done := make(chan int, 1)
	left := n
	t0 := time.Now()
	for i := int64(0); i < n; i++ {
		go func() {
			if atomic.AddInt64(&left, -1) == 0 {
				done <- 1
			}
		}()
	}
	<-done
	el := time.Since(t0)
	fmt.Printf("RESULT spawn ns_per_op=%.1f\n", float64(el.Nanoseconds())/float64(n))
}
