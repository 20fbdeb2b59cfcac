package dev.arbiter.app.disputes;

import dev.arbiter.app.disputes.DisputeQueueViewModel.QueueReader;
import dev.arbiter.persistence.disputes.DisputeQueueService;
import dev.arbiter.persistence.disputes.PageDirection;
import dev.arbiter.persistence.disputes.QueueCursor;
import dev.arbiter.persistence.disputes.QueueFilter;
import dev.arbiter.persistence.disputes.QueuePage;
import dev.arbiter.persistence.disputes.QueueRow;
import dev.arbiter.persistence.disputes.QueueSort;
import java.util.List;

/** The queue's rows as the queue service reads them from the database. */
final class ServiceQueueReader implements QueueReader {

  private final DisputeQueueService service;

  ServiceQueueReader(DisputeQueueService service) {
    this.service = service;
  }

  @Override
  public QueuePage page(
      QueueFilter filter, QueueSort sort, QueueCursor cursor, PageDirection direction, int limit) {
    return service.page(filter, sort, cursor, direction, limit);
  }

  @Override
  public long count(QueueFilter filter, int cap) {
    return service.count(filter, cap);
  }

  @Override
  public List<QueueRow> rows(List<Long> ids, QueueSort sort) {
    return service.rows(ids, sort);
  }
}
