/**
 * The monitor on a real multi-process Flink standalone cluster (DESIGN §8): {@link
 * io.trigmon.flink.cluster.StandaloneCluster} starts and stops the cluster of {@code
 * deploy/local/flink-cluster.sh}, {@link io.trigmon.flink.cluster.FlinkRestClient} submits the job
 * jar to any cluster over Flink's REST API and follows the job.
 */
package io.trigmon.flink.cluster;
